// Non-blocking, data race in a test: each subtest starts workers that record results in
// one plain map shared by the whole test. Two workers writing it at once is Go's
// "fatal error: concurrent map writes" (Go 1.19, go test: seen in some runs; with -race,
// "WARNING: DATA RACE").
//lockstep:expect concurrent-map-access
package results

import (
	"strings"
	"sync"
	"testing"
)

func TestUpper(t *testing.T) {
	results := map[string]string{}
	cases := []string{"go", "test"}
	for _, in := range cases {
		in := in
		t.Run(in, func(t *testing.T) {
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[in] = strings.ToUpper(in)
			}()
			if in == "test" {
				results["last"] = in
			}
			wg.Wait()
		})
	}
	if results["go"] != "GO" {
		t.Errorf("results[go] = %q", results["go"])
	}
}
