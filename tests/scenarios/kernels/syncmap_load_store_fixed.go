// The fixed twin of syncmap_load_store.go: LoadOrStore makes the check and the store one
// step, and only the handler whose session was stored counts it as opened.
//lockstep:expect none
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
	time.Sleep(5 * time.Millisecond)
	v, loaded := m.LoadOrStore(user, &Session{})
	if !loaded {
		atomic.AddInt32(&opened, 1)
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
