// The fixed twin of sem_error_path.go: the release is deferred right after the acquire,
// so every path gives the slot back.
//lockstep:expect none
package main

import (
	"errors"
	"fmt"
	"sync"
)

var sem = make(chan struct{}, 1)

func fetch(id int) error {
	sem <- struct{}{}
	defer func() { <-sem }()
	if id%2 == 0 {
		return errors.New("bad id")
	}
	fmt.Println("fetched", id)
	return nil
}

func main() {
	var wg sync.WaitGroup
	for id := 1; id <= 4; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := fetch(id); err != nil {
				fmt.Println("fetch", id, err)
			}
		}(id)
	}
	wg.Wait()
}
