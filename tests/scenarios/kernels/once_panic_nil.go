// Non-blocking, misused Once: the first Do panics half-way (the dial fails) and the caller
// recovers, but the Once counts as done: the next call skips the init and uses the nil
// client. Go 1.19 (go run, GOMAXPROCS=1 and 4): "panic: runtime error: invalid memory
// address or nil pointer dereference" on every run.
//lockstep:expect panic once-panic
package main

import (
	"fmt"
	"sync"
)

type Client struct{ addr string }

type Pool struct {
	once   sync.Once
	client *Client
}

func dial(addr string) *Client {
	if addr == "" {
		panic("dial: empty address")
	}
	return &Client{addr: addr}
}

func (p *Pool) Get(addr string) (c *Client, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	p.once.Do(func() { p.client = dial(addr) })
	return p.client, nil
}

func main() {
	p := &Pool{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := p.Get(""); err != nil {
			fmt.Println("first get:", err)
		}
	}()
	<-done
	c, _ := p.Get("db:5432") // the Once does not run again
	fmt.Println("connected to", c.addr)
}
