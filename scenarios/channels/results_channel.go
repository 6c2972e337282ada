// Filename: results_channel.go
// The channel counterpart of the counter: each worker sends its result on a
// buffered channel and main receives exactly as many as it started. The send
// happens before the matching receive completes, so no lock is needed.
package main

//lockstep:expect none

import "fmt"

func main() {
	results := make(chan int, 2)
	for i := 1; i <= 2; i++ {
		go func(n int) {
			results <- n * n
		}(i)
	}
	sum := 0
	for i := 0; i < 2; i++ {
		sum += <-results
	}
	fmt.Println("sum:", sum)
	// Output:
	// sum: 5
}
