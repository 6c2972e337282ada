// The fixed twin of shared_err_capture.go: each fetcher keeps its error in its own slot;
// main looks at them after Wait.
//lockstep:expect none
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
	out := make([]string, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			out[i], errs[i] = fetch(name)
		}(i, name)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func main() {
	out, err := fetchAll([]string{"a", ""})
	fmt.Println(len(out), err != nil)
}
