// The fixed twin of cond_wait_if.go: Take re-checks the queue in a loop after every
// wake-up, so a consumer woken with nothing left waits again.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
	"time"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.cond.Broadcast()
	q.mu.Unlock()
}

func (q *Queue) Take() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("took", q.Take())
		}()
	}
	time.Sleep(10 * time.Millisecond)
	q.Put(1)
	time.Sleep(10 * time.Millisecond)
	q.Put(2)
	wg.Wait()
}
