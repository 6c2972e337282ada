// The fixed twin of once_panic_nil.go: the init is guarded by a mutex and a nil check
// instead of a Once, so a failed dial is retried by the next call.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

type Client struct{ addr string }

type Pool struct {
	mu     sync.Mutex
	client *Client
}

func dial(addr string) *Client {
	if addr == "" {
		panic("dial: empty address")
	}
	return &Client{addr: addr}
}

func (p *Pool) Get(addr string) (c *Client, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if p.client == nil {
		p.client = dial(addr)
	}
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
	c, _ := p.Get("db:5432")
	fmt.Println("connected to", c.addr)
}
