// Filename: rate_limiter.go
// The chapter's token-bucket rate limiter: 2 tokens per hour and 3
// requests instead of 3 per second and 10. Every access to the limiter is under r.mu.
// Which request gets rate limited depends on the interleaving, so each
// goroutine only records its verdict and main prints the totals: 2 allowed
// and 1 limited in every interleaving (the requests take microseconds, far
// less than the refill interval; lockstep's clock is virtual and does not
// jump an hour, so no refill happens there either). Each goroutine writes its
// own element of results: distinct elements are distinct variables, no race.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
	"time"
)

type RateLimiter struct {
	mu        sync.Mutex
	tokens    int
	maxTokens int
	refillAt  time.Time
	interval  time.Duration
}

func NewRateLimiter(rate int, interval time.Duration) *RateLimiter {
	return &RateLimiter{
		tokens:    rate,
		maxTokens: rate,
		interval:  interval,
		refillAt:  time.Now().Add(interval),
	}
}

func (r *RateLimiter) Allow() bool {
	r.mu.Lock()
	defer r.mu.Unlock()

	now := time.Now()
	// Refill if interval has passed
	if now.After(r.refillAt) {
		r.tokens = r.maxTokens
		r.refillAt = now.Add(r.interval)
	}
	if r.tokens > 0 {
		r.tokens--
		return true
	}
	return false
}

func main() {
	limiter := NewRateLimiter(2, time.Hour) // 2 per hour: no refill during the run
	var wg sync.WaitGroup
	results := make([]bool, 3)

	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results[id] = limiter.Allow() // each goroutine writes its own element
		}(i)
	}
	wg.Wait()

	allowed, limited := 0, 0
	for _, ok := range results {
		if ok {
			allowed++
		} else {
			limited++
		}
	}
	fmt.Printf("Allowed: %d, Rate limited: %d\n", allowed, limited)
	// Output:
	// Allowed: 2, Rate limited: 1
}
