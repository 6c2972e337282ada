// The fixed twin of inventory_rlock_helper.go: the helper computes from a count the caller
// passes in, so Report takes the read lock once; the header formatting (the Sleep) is
// done before the read lock is taken.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
	"time"
)

type Pricing struct {
	price int
}

func (p *Pricing) Total(count int) int {
	return count * p.price
}

type Inventory struct {
	mu     sync.RWMutex
	counts map[string]int
	prices *Pricing
}

func (inv *Inventory) Restock(item string, n int) {
	inv.mu.Lock()
	inv.counts[item] += n
	inv.mu.Unlock()
}

func (inv *Inventory) Report(item string) string {
	time.Sleep(10 * time.Millisecond)
	inv.mu.RLock()
	defer inv.mu.RUnlock()
	n := inv.counts[item]
	return fmt.Sprintf("%s: %d in stock, worth %d", item, n, inv.prices.Total(n))
}

func main() {
	inv := &Inventory{counts: map[string]int{"bolt": 5}}
	inv.prices = &Pricing{price: 2}
	done := make(chan string)
	go func() { done <- inv.Report("bolt") }()
	time.Sleep(5 * time.Millisecond)
	inv.Restock("bolt", 1)
	fmt.Println(<-done)
}
