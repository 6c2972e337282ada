// Filename: once_example.go
// The chapter's sync.Once example with 10 goroutines, as the chapter runs it.
// loadConfig runs exactly once, and every Do returns only after it completed,
// so each goroutine reads the map written by loadConfig without a race (Once
// gives that edge). Which goroutine runs loadConfig is the one choice that
// matters (the Dos after it only read the Once; the prints are unordered):
// ten executions.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

var (
	config map[string]string
	once   sync.Once
)

func loadConfig() {
	fmt.Println("Loading configuration...") // Prints only once
	config = map[string]string{
		"host": "localhost",
		"port": "8080",
	}
}

func GetConfig() map[string]string {
	once.Do(loadConfig) // loadConfig runs exactly once
	return config
}

func main() {
	var wg sync.WaitGroup
	// 10 goroutines all calling GetConfig
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			cfg := GetConfig()
			fmt.Printf("Goroutine %d got host: %s\n", id, cfg["host"])
		}(i)
	}
	wg.Wait()
	// Unordered output:
	// Loading configuration...
	// Goroutine 0 got host: localhost
	// Goroutine 1 got host: localhost
	// Goroutine 2 got host: localhost
	// Goroutine 3 got host: localhost
	// Goroutine 4 got host: localhost
	// Goroutine 5 got host: localhost
	// Goroutine 6 got host: localhost
	// Goroutine 7 got host: localhost
	// Goroutine 8 got host: localhost
	// Goroutine 9 got host: localhost
}
