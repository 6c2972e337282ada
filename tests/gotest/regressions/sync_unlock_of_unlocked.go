// `lockstep run` of a program Go kills with a fatal error printed nothing and exited 0:
// it prints Go's text and exits 2, as go run does.
package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Unlock()
}
