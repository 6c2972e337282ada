// Non-blocking, anonymous-function capture: both fetchers assign the enclosing function's
// `err`, captured by reference, and main reads it after Wait. The two writes are not
// ordered: go run -race (Go 1.19) reports "WARNING: DATA RACE" on err, and which error
// survives depends on the schedule.
//lockstep:expect data-race
package main

import (
	"errors"
	"fmt"
	"sync"
)

func fetch(name string) (string, error) {
	if name == "" {
		return "", errors.New("empty name")
	}
	return "data:" + name, nil
}

func fetchAll(names []string) ([]string, error) {
	var err error
	out := make([]string, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			var v string
			v, err = fetch(name)
			out[i] = v
		}(i, name)
	}
	wg.Wait()
	return out, err
}

func main() {
	out, err := fetchAll([]string{"a", ""})
	fmt.Println(len(out), err != nil)
}
