package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

// A value receiver locks its own copy of the mutex.
func (c Counter) Peek() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func main() {
	c := &Counter{n: 1}
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	c2 := *c
	c.mu.Lock()
	c2.mu.Lock() // independent of c.mu
	c2.n = 10
	c2.mu.Unlock()
	fmt.Println(c.n, c2.n)
	c.mu.Unlock()
	fmt.Println(c.Peek(), c2.Peek())
	cs := []Counter{*c, c2}
	for _, x := range cs {
		x.mu.Lock()
		fmt.Println(x.n)
	}
	c.mu.Lock()
	fmt.Println("done")
}
