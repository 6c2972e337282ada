// The context package's API on one goroutine's path, compared with Go 1.19:
// cancellation reaching children through a WithValue context, Err before and
// after, Value lookups, a timeout waited for, Deadline, a deadline already
// past at creation, DeadlineExceeded's Timeout(), and %v of the contexts whose
// text lockstep gives as Go does.
// Real Go: prints the Output block below (go run, 10 runs).
package main

//lockstep:expect none

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	a, ca := context.WithCancel(context.Background())
	v := context.WithValue(a, "k", 7)
	d, cd := context.WithCancel(v)
	fmt.Println(a.Err(), d.Err(), v.Value("k"), d.Value("k"), v.Value("x"))
	ca()
	<-d.Done()
	fmt.Println(a.Err(), d.Err(), errors.Is(d.Err(), context.Canceled))
	cd()
	ca()
	t, ct := context.WithTimeout(context.Background(), 10*time.Millisecond)
	<-t.Done()
	fmt.Println(t.Err(), errors.Is(t.Err(), context.DeadlineExceeded))
	ct()
	_, ok := t.Deadline()
	_, ok2 := a.Deadline()
	fmt.Println(ok, ok2)
	fmt.Println(context.Background(), context.TODO(), a)
	past, cp := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	fmt.Println(past.Err())
	cp()
	var err error = context.DeadlineExceeded
	te, isT := err.(interface{ Timeout() bool })
	fmt.Println(isT && te.Timeout(), context.Background().Done() == nil)
}

// Output:
// <nil> <nil> 7 7 <nil>
// context canceled context canceled true
// context deadline exceeded true
// true false
// context.Background context.TODO context.Background.WithCancel
// context deadline exceeded
// true true
