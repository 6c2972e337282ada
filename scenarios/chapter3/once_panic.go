// Filename: once_panic.go
// The chapter's Once semantics, "Even if the function panics, Do considers
// it done and won't retry": the first loadConfig panics (the disk is not
// ready), the caller recovers, and the second caller's Do returns at once
// without loading anything, so it sees a nil config. Whichever goroutine
// comes first, exactly one load is attempted and neither gets a config.
//
// Real Go: always prints the two lines below; lockstep flags the panicking Do
// as once-panic (a warning) and shows the later Do that did not run it.
package main

//lockstep:expect once-panic

import (
	"fmt"
	"sync"
)

var (
	config   map[string]string
	once     sync.Once
	attempts int // only touched inside once.Do
)

func loadConfig() {
	attempts++
	panic("config disk not ready")
}

func GetConfig() (cfg map[string]string) {
	defer func() {
		if r := recover(); r != nil {
			cfg = nil
		}
	}()
	once.Do(loadConfig)
	return config
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	loaded := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if GetConfig() != nil {
				mu.Lock()
				loaded++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("load attempts:", attempts)
	fmt.Println("goroutines with a config:", loaded)
	// Output:
	// load attempts: 1
	// goroutines with a config: 0
}
