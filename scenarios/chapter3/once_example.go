// Filename: once_example.go
// The chapter's sync.Once example with 3 goroutines. loadConfig runs exactly
// once, and every Do returns only after it completed, so each goroutine reads
// the map written by loadConfig without a race (Once gives that edge).
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
	// 3 goroutines all calling GetConfig
	for i := 0; i < 3; i++ {
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
}
