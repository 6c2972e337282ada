// Filename: waitgroup_workers.go
// The chapter's WaitGroup example with 3 workers. The workers' lines come in
// any order (each worker's "starting" before its own "done"), and "All workers
// completed!" always comes last because wg.Wait returns only after every
// Done. time.Sleep orders nothing; in lockstep it is only a scheduling point.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done() // Decrement counter when this goroutine finishes
	fmt.Printf("Worker %d starting\n", id)
	time.Sleep(10 * time.Millisecond) // Simulate work
	fmt.Printf("Worker %d done\n", id)
}

func main() {
	var wg sync.WaitGroup

	for i := 1; i <= 3; i++ {
		wg.Add(1)         // Increment BEFORE starting goroutine
		go worker(i, &wg) // Pass WaitGroup by pointer
	}

	wg.Wait() // Block until all workers call Done()
	fmt.Println("All workers completed!")
	// Unordered output:
	// Worker 1 starting
	// Worker 2 starting
	// Worker 3 starting
	// Worker 1 done
	// Worker 2 done
	// Worker 3 done
	// All workers completed!
}
