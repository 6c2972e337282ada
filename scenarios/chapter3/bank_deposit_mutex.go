// Filename: bank_deposit_mutex.go
// The opening story fixed: the whole read-add-write is one critical
// section, so no deposit can slip in between a read and its write. Three
// depositors; the balance is read under the same mutex at the end.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	current := a.balance
	current += amount
	a.balance = current
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func main() {
	acct := &Account{balance: 1000}
	var wg sync.WaitGroup

	for _, amount := range []int{100, 200, 300} {
		wg.Add(1)
		go func(amount int) {
			defer wg.Done()
			acct.Deposit(amount)
		}(amount)
	}

	wg.Wait()
	fmt.Printf("Balance: $%d\n", acct.Balance())
	// Output:
	// Balance: $1600
}
