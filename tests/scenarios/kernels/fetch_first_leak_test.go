// Communication deadlock, channel: the fetcher sends its result on an unbuffered
// channel, but the test stops listening after the first answer (a fallback); the second
// fetcher blocks on its send forever. go test passes (Go 1.19); goleak reports the
// goroutine stuck in chan send.
//lockstep:expect goroutine-leak
package fetch

import "testing"

func fetch(source string, out chan<- string) {
	out <- "data from " + source
}

func first(sources []string) string {
	out := make(chan string)
	for _, s := range sources {
		go fetch(s, out)
	}
	return <-out
}

func TestFirst(t *testing.T) {
	got := first([]string{"primary", "replica"})
	if got == "" {
		t.Fatal("no answer")
	}
}
