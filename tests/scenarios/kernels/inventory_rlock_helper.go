// Resource deadlock, RWR through a helper: Report read-locks the inventory and asks its
// pricing helper for a total; the helper calls back Inventory.Count, which read-locks the
// same RWMutex. A Restock (a writer) that queues between the two RLocks blocks the second
// one, and the writer waits for the first: nobody proceeds. Go 1.19 (go run, GOMAXPROCS=1
// and 4): with the Sleep standing for the report's other work, "fatal error: all
// goroutines are asleep - deadlock!" on every run. lockstep also notes the Sleep under
// the read lock (lock-held-blocking): it is what holds the window open.
//lockstep:expect lock-held-blocking recursive-lock
package main

import (
	"fmt"
	"sync"
	"time"
)

type Pricing struct {
	inv   *Inventory
	price int
}

func (p *Pricing) Total(item string) int {
	return p.inv.Count(item) * p.price
}

type Inventory struct {
	mu     sync.RWMutex
	counts map[string]int
	prices *Pricing
}

func (inv *Inventory) Count(item string) int {
	inv.mu.RLock()
	defer inv.mu.RUnlock()
	return inv.counts[item]
}

func (inv *Inventory) Restock(item string, n int) {
	inv.mu.Lock()
	inv.counts[item] += n
	inv.mu.Unlock()
}

func (inv *Inventory) Report(item string) string {
	inv.mu.RLock()
	defer inv.mu.RUnlock()
	time.Sleep(10 * time.Millisecond) // formatting the header
	return fmt.Sprintf("%s: %d in stock, worth %d", item, inv.counts[item], inv.prices.Total(item))
}

func main() {
	inv := &Inventory{counts: map[string]int{"bolt": 5}}
	inv.prices = &Pricing{inv: inv, price: 2}
	done := make(chan string)
	go func() { done <- inv.Report("bolt") }()
	time.Sleep(5 * time.Millisecond)
	inv.Restock("bolt", 1)
	fmt.Println(<-done)
}
