// A recursive read lock behind a waiting writer. The reader holds a read
// lock and takes another one in a helper. If the writer's Lock comes in
// between, it waits for the first read lock to be released, and Go blocks
// the second RLock behind the waiting writer (so writers are not starved):
// reader waits for writer, writer waits for reader, main waits for both.
// Real Go: the window is between two RLock calls a few instructions apart;
// not seen in practice (none in the go_judge runs). Widening it with
// time.Sleep (the writer arriving while Summary holds its first RLock) gives
//
//	fatal error: all goroutines are asleep - deadlock!
package main

//lockstep:expect recursive-lock

// lockstep reports the self-deadlock as recursive-lock at the blocking call and ends the
// execution there: the goroutine can never go on, and a separate deadlock report would
// only restate it (docs/semantics.md).

import (
	"fmt"
	"sync"
)

type Table struct {
	mu   sync.RWMutex
	rows []string
}

func (t *Table) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.rows)
}

func (t *Table) Summary() string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return fmt.Sprintf("%d rows", t.Len()) // BUG: Len read-locks again
}

func (t *Table) Add(row string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rows = append(t.rows, row)
}

func main() {
	t := &Table{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); _ = t.Summary() }()
	go func() { defer wg.Done(); t.Add("x") }()
	wg.Wait()
	fmt.Println(t.Len(), "row")
}
