// The withdrawal fixed: the check and the act are one critical section, so
// exactly one of the two withdrawals of 80 succeeds in every interleaving.
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

func (a *Account) Withdraw(amount int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < amount {
		return false
	}
	a.balance -= amount
	return true
}

func main() {
	acct := &Account{balance: 100}
	var wg sync.WaitGroup
	ok := make([]bool, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ok[i] = acct.Withdraw(80)
		}(i)
	}
	wg.Wait()
	fmt.Println("balance:", acct.balance, "one refused:", ok[0] != ok[1])
	// Output:
	// balance: 20 one refused: true
}
