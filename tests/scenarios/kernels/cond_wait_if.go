// Non-blocking, condition variable: two consumers wait with `if` instead of `for`. One
// Put wakes both through Broadcast; the first takes the item, the second returns from Wait
// to an empty queue and indexes it. Go 1.19 (go run, GOMAXPROCS=1 and 4): "panic: runtime
// error: index out of range [0] with length 0" on every run (the Sleep makes sure both
// consumers wait before the Put).
//lockstep:expect panic
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
	if len(q.items) == 0 { // bug: should be a loop
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
	time.Sleep(10 * time.Millisecond) // both consumers are waiting
	q.Put(1)
	time.Sleep(10 * time.Millisecond)
	q.Put(2)
	wg.Wait()
}
