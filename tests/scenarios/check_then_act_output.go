// Check-then-act across two critical sections. Withdraw checks the balance
// under the lock, releases it, then subtracts under the lock again. Every
// access is locked (no data race) and every write re-reads the balance it
// updates (no lost update), yet both withdrawals of 80 can pass the check
// before either subtracts, and the balance ends at -60 instead of 20. The
// only honest finding is the wrong output.
// Real Go: prints the expected output in practice; -race is silent (there is
// no race), which is why this kind of bug survives testing. Widening the
// window with a time.Sleep after the check prints "balance: -60".
package main

//lockstep:expect output-mismatch

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(amount int) bool {
	a.mu.Lock()
	ok := a.balance >= amount // check
	a.mu.Unlock()
	if !ok {
		return false
	}
	a.mu.Lock()
	a.balance -= amount // act, on a balance that may have changed
	a.mu.Unlock()
	return true
}

func main() {
	acct := &Account{balance: 100}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acct.Withdraw(80)
		}()
	}
	wg.Wait()
	fmt.Println("balance:", acct.balance)
	// Output:
	// balance: 20
}
