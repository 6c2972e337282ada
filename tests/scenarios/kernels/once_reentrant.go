// Resource deadlock, misused Once: the config loader's Do function calls Get, which calls
// Do on the same Once again. Once.Do holds its mutex while the function runs, so the inner
// Do waits for the outer one to finish, which waits for the inner one. Go 1.19:
// "fatal error: all goroutines are asleep - deadlock!" on every run (GOMAXPROCS=1 and 4).
// lockstep reports the cycle by its cause: the goroutine re-locks the Once's mutex.
//lockstep:expect recursive-lock
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
	// A default that derives from another key: the author reuses the public accessor.
	if c.Get("name") != "" {
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
