// sync.Once, sync.Pool, sync.Cond and panics with recover, as the chapter uses them.
package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	pool   = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

func loadConfig() {
	config = map[string]string{"mode": "fast"}
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:len(q.items):cap(q.items)]
	return v
}

func main() {
	for i := 0; i < 3; i++ {
		once.Do(loadConfig)
	}
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString("mode=" + config["mode"])
	fmt.Println(buf.String())
	pool.Put(buf)

	if _, err := safeDiv(1, 0); err != nil {
		fmt.Println(err)
	}
	q := NewQueue()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("got " + strconv.Itoa(q.Get()))
	}()
	q.Put(42)
	<-done
	var arr [4]int
	p := &arr
	p[1], arr[2] = 7, -p[1]
	x := 0x_FF + 0o17 + 0b11 + 1_000
	f := 1.5e3 + .5
	r := 'a' + '\n'
	if x < 0 || f < 0 || r == 0 {
		os.Exit(1)
	}
	// Output:
	// mode=fast
	// recovered: runtime error: integer divide by zero
	// got 42
}
