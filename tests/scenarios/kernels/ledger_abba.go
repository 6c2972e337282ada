// Resource deadlock, AB-BA: Transfer locks the source account, then the destination.
// Two transfers in opposite directions each hold their first lock and wait for the
// other's. Go 1.19 deadlocks only when both first Locks happen before either second one
// ("fatal error: all goroutines are asleep - deadlock!"); most real runs finish.
//lockstep:expect deadlock lock-order-inversion
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	id      int
	mu      sync.Mutex
	balance int
}

func Transfer(from, to *Account, amount int) bool {
	from.mu.Lock()
	defer from.mu.Unlock()
	if from.balance < amount {
		return false
	}
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= amount
	to.balance += amount
	return true
}

func main() {
	alice := &Account{id: 1, balance: 100}
	bob := &Account{id: 2, balance: 50}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		Transfer(alice, bob, 30)
	}()
	go func() {
		defer wg.Done()
		Transfer(bob, alice, 20)
	}()
	wg.Wait()
	fmt.Println(alice.balance + bob.balance)
}
