// The fixed twin of once_reentrant.go: load reads its own map directly instead of going
// through Get, so the Once is never re-entered.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	once   sync.Once
	values map[string]string
}

func (c *Config) load() {
	c.values = map[string]string{"name": "lockstep"}
	if c.values["name"] != "" {
		c.values["greeting"] = "hello " + c.values["name"]
	}
}

func (c *Config) Get(key string) string {
	c.once.Do(c.load)
	return c.values[key]
}

func main() {
	c := &Config{}
	done := make(chan string)
	go func() { done <- c.Get("greeting") }()
	fmt.Println(<-done)
}
