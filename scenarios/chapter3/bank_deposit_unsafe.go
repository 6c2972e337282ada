// Filename: bank_deposit_unsafe.go
// BROKEN: the chapter's opening story. Each depositor reads the balance, adds
// its deposit and writes the new balance back, with nothing to stop another
// depositor from doing the same in between: "both adding their deposits, both
// writing back. One write overwrites the other. Money vanishes into thin air."
//
// Real Go: `go run -race` reports the race on acct.balance; without -race the
// deposits almost never overlap, so the $100 loss is rarely seen.
package main

//lockstep:expect data-race lost-update

import (
	"fmt"
	"sync"
)

type Account struct {
	balance int
}

func (a *Account) Deposit(amount int) {
	current := a.balance // read the account balance
	current += amount    // add the deposit
	a.balance = current  // write the new balance
}

func main() {
	acct := &Account{balance: 1000}
	var wg sync.WaitGroup

	for _, amount := range []int{100, 200} {
		wg.Add(1)
		go func(amount int) {
			defer wg.Done()
			acct.Deposit(amount)
		}(amount)
	}

	wg.Wait()
	// Expected $1300; $1100 or $1200 when one deposit is lost.
	fmt.Printf("Balance: $%d\n", acct.balance)
}
