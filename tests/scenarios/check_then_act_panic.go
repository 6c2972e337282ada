// The same check-then-act withdrawal, with the invariant checked in code:
// after subtracting, a negative balance panics. The panic happens only in the
// interleavings where both withdrawals pass the check before either acts.
// Real Go: never seen in practice (the window is between two critical
// sections a few instructions apart). Widening it with a time.Sleep after
// the check gives
//
//	panic: overdrawn: balance -60
//
// and, often, "balance: -60" printed by main first: the panicking goroutine
// runs its deferred Unlock and Done while unwinding, which releases main
// before the panic is reported.
package main

//lockstep:expect panic

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
	defer a.mu.Unlock()
	a.balance -= amount // act
	if a.balance < 0 {
		panic(fmt.Sprintf("overdrawn: balance %d", a.balance))
	}
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
}
