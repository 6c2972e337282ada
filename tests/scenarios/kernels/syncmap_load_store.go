// Non-blocking, atomicity violation on sync.Map: each handler looks up the session with
// Load and, when it is missing, makes one and Stores it. Two handlers can both miss and
// both open a session; the second Store replaces the first, whose user is lost. Each call
// is safe, the check-then-act is not. Go 1.19 (go run, GOMAXPROCS=1 and 4): with the
// Sleep standing for the time to open a session, "panic: 2 sessions opened for one user"
// on every run; go run -race shows the same panic and no race (sync.Map is synchronized).
//lockstep:expect panic
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Session struct{ users int32 }

var opened int32

func join(m *sync.Map, user string) {
	v, ok := m.Load(user)
	if !ok {
		time.Sleep(5 * time.Millisecond) // opening the session
		atomic.AddInt32(&opened, 1)
		v = &Session{}
		m.Store(user, v) // bug: another handler may have stored one meanwhile
	}
	atomic.AddInt32(&v.(*Session).users, 1)
}

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			join(&m, "ann")
		}()
	}
	wg.Wait()
	if n := atomic.LoadInt32(&opened); n != 1 {
		panic(fmt.Sprintf("%d sessions opened for one user", n))
	}
	fmt.Println("one session")
}
