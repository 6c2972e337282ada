// The fixed twin of subtests_shared_map_test.go: the map is guarded by a mutex.
//lockstep:expect none
package results

import (
	"strings"
	"sync"
	"testing"
)

func TestUpper(t *testing.T) {
	var mu sync.Mutex
	results := map[string]string{}
	cases := []string{"go", "test"}
	for _, in := range cases {
		in := in
		t.Run(in, func(t *testing.T) {
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				results[in] = strings.ToUpper(in)
				mu.Unlock()
			}()
			if in == "test" {
				mu.Lock()
				results["last"] = in
				mu.Unlock()
			}
			wg.Wait()
		})
	}
	if results["go"] != "GO" {
		t.Errorf("results[go] = %q", results["go"])
	}
}
