// Two goroutines write to a plain map without a lock (different keys: it is
// still a conflict, the map's internal structure is shared). Go's runtime
// detects it on a best-effort basis and kills the program.
// Real Go: occasionally "fatal error: concurrent map writes" without -race
// (rarely, with writes this short); -race reports a DATA RACE in mapassign
// every run. lockstep reports it as concurrent-map-access.
package main

//lockstep:expect concurrent-map-access

import (
	"fmt"
	"sync"
)

func main() {
	seen := make(map[string]bool)
	var wg sync.WaitGroup
	for _, url := range []string{"/a", "/b"} {
		wg.Add(1)
		go func(url string) {
			defer wg.Done()
			seen[url] = true
		}(url)
	}
	wg.Wait()
	fmt.Println("seen:", len(seen))
}
