// A bank with a mutex-protected balance, a worker pool fed by a channel, and a select
// loop with a timeout: the chapter's constructs in one program.
package main

//lockstep:expect none

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Account struct {
	mu      sync.Mutex
	balance int
	history []string
}

var ErrInsufficient = errors.New("insufficient funds")

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
	a.history = append(a.history, fmt.Sprintf("+%d", n))
}

func (a *Account) Withdraw(n int) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < n {
		return ErrInsufficient
	}
	a.balance -= n
	return nil
}

func worker(id int, jobs <-chan int, results chan<- string, acct *Account, wg *sync.WaitGroup) {
	defer wg.Done()
	for amount := range jobs {
		acct.Deposit(amount)
		results <- fmt.Sprintf("worker %d deposited %d", id, amount)
	}
}

func main() {
	acct := &Account{}
	jobs := make(chan int, 3)
	results := make(chan string, 3)
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go worker(i, jobs, results, acct, &wg)
	}
	for _, amt := range []int{10, 20, 30} {
		jobs <- amt
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	count := 0
loop:
	for {
		select {
		case _, ok := <-results:
			if !ok {
				break loop
			}
			count++
		case <-time.After(time.Second):
			fmt.Println("timeout")
			break loop
		}
	}
	if err := acct.Withdraw(100); errors.Is(err, ErrInsufficient) {
		fmt.Println("cannot withdraw 100")
	}
	fmt.Println("deposits:", count, "balance:", acct.balance)
	// Output:
	// cannot withdraw 100
	// deposits: 3 balance: 60
}
