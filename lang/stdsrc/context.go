// Package context is lockstep's model of Go's context package, written in Go and run by
// lockstep like the program's own code: cancellation is a sync.Mutex, a channel that is
// closed and a time.AfterFunc timer, so its happens-before edges, its races and its
// blocking are those of the modelled primitives (a cancel happens before the <-Done()
// it wakes; a deadline is a timer firing, which the search may fire at any point).
// It follows the behaviour of Go's own package (Go 1.19, plus WithCancelCause and Cause
// from Go 1.20 and AfterFunc from Go 1.21), not its code: Done channels are made when the
// context is made, and every cancellable context is one type.
package context

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// A Context carries a deadline, a cancellation signal and values across API boundaries.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// A CancelFunc tells an operation to abandon its work.
type CancelFunc func()

// A CancelCauseFunc cancels with a cause.
type CancelCauseFunc func(cause error)

// Canceled is the error Err returns when the context is canceled.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error Err returns when the context's deadline passes.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

type emptyCtx struct {
	name string
}

func (*emptyCtx) Deadline() (deadline time.Time, ok bool) { return deadline, false }
func (*emptyCtx) Done() <-chan struct{}                   { return nil }
func (*emptyCtx) Err() error                              { return nil }
func (*emptyCtx) Value(key any) any                       { return nil }
func (e *emptyCtx) String() string                        { return e.name }

var background = &emptyCtx{name: "context.Background"}
var todo = &emptyCtx{name: "context.TODO"}

// Background returns a non-nil, empty Context that is never canceled.
func Background() Context { return background }

// TODO returns a non-nil, empty Context, for code that has no context yet.
func TODO() Context { return todo }

// cancelCtx is every context that can be canceled: WithCancel, WithCancelCause,
// WithDeadline and WithTimeout.
type cancelCtx struct {
	parent   Context
	kind     string // "WithCancel", "WithDeadline", ...
	done     chan struct{}
	mu       sync.Mutex // guards the fields below
	children []*cancelCtx
	err      error
	cause    error
	timer    *time.Timer
	deadline time.Time
	hasDL    bool
}

func newCancelCtx(parent Context, kind string) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return &cancelCtx{parent: parent, kind: kind, done: make(chan struct{})}
}

func (c *cancelCtx) Deadline() (deadline time.Time, ok bool) {
	if c.hasDL {
		return c.deadline, true
	}
	return c.parent.Deadline()
}

func (c *cancelCtx) Done() <-chan struct{} { return c.done }

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) Value(key any) any { return c.parent.Value(key) }

// String is Go's text of the context: "context.Background.WithCancel", and with a deadline
// "context.Background.WithDeadline(2009-11-10 23:00:01 +0000 UTC m=+1.000000001 [1s])", the
// time left in brackets.
func (c *cancelCtx) String() string {
	if c.hasDL {
		return contextName(c.parent) + ".WithDeadline(" + c.deadline.String() + " [" + time.Until(c.deadline).String() + "])"
	}
	return contextName(c.parent) + "." + c.kind
}

// cancel closes c.done, cancels each child, and, if removeFromParent, removes c from its
// parent's children. The first cancel wins; later ones do nothing.
func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
	if cause == nil {
		cause = err
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	c.cause = cause
	close(c.done)
	children := c.children
	c.children = nil
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
	for _, child := range children {
		child.cancel(false, err, cause)
	}
	if removeFromParent {
		if p := parentCancelCtx(c.parent); p != nil {
			p.removeChild(c)
		}
	}
}

func (c *cancelCtx) removeChild(child *cancelCtx) {
	c.mu.Lock()
	for i, x := range c.children {
		if x == child {
			c.children = append(c.children[:i], c.children[i+1:]...)
			break
		}
	}
	c.mu.Unlock()
}

// parentCancelCtx is the nearest cancellable context of lockstep's own at or above
// parent, through WithValue contexts; nil when there is none.
func parentCancelCtx(parent Context) *cancelCtx {
	for {
		switch p := parent.(type) {
		case *cancelCtx:
			return p
		case *valueCtx:
			parent = p.parent
		default:
			return nil
		}
	}
}

// propagateCancel arranges for child to be canceled when parent is.
func propagateCancel(parent Context, child *cancelCtx) {
	done := parent.Done()
	if done == nil {
		return // the parent is never canceled
	}
	select {
	case <-done:
		child.cancel(false, parent.Err(), Cause(parent))
		return
	default:
	}
	if p := parentCancelCtx(parent); p != nil {
		p.mu.Lock()
		if p.err != nil {
			err, cause := p.err, p.cause
			p.mu.Unlock()
			child.cancel(false, err, cause)
			return
		}
		p.children = append(p.children, child)
		p.mu.Unlock()
		return
	}
	// A Context type of the program's own: watch it, as Go does, in a goroutine.
	go func() {
		select {
		case <-done:
			child.cancel(false, parent.Err(), Cause(parent))
		case <-child.Done():
		}
	}()
}

// WithCancel returns a copy of parent with a new Done channel, closed when cancel is
// called or when the parent's Done channel is closed, whichever happens first.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	c := newCancelCtx(parent, "WithCancel")
	propagateCancel(parent, c)
	return c, func() { c.cancel(true, Canceled, nil) }
}

// WithCancelCause is WithCancel whose cancel records a cause (Go 1.20).
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c := newCancelCtx(parent, "WithCancel")
	propagateCancel(parent, c)
	return c, func(cause error) { c.cancel(true, Canceled, cause) }
}

// Cause returns why c was canceled: the cause given to a CancelCauseFunc, else c.Err()
// (Go 1.20).
func Cause(c Context) error {
	if p := parentCancelCtx(c); p != nil {
		p.mu.Lock()
		cause := p.cause
		p.mu.Unlock()
		return cause
	}
	return c.Err()
}

// WithDeadline returns a copy of parent whose Done channel is closed by d at the latest.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		// The parent's deadline is earlier: the new one would never fire first.
		return WithCancel(parent)
	}
	c := newCancelCtx(parent, "WithDeadline")
	c.deadline = d
	c.hasDL = true
	propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded, nil) // the deadline has already passed
		return c, func() { c.cancel(false, Canceled, nil) }
	}
	c.mu.Lock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() { c.cancel(true, DeadlineExceeded, nil) })
	}
	c.mu.Unlock()
	return c, func() { c.cancel(true, Canceled, nil) }
}

// WithTimeout returns WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// AfterFunc arranges to call f in its own goroutine after ctx is done (Go 1.21). stop
// reports whether it stopped f from being run.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	stopCh := make(chan struct{})
	var mu sync.Mutex
	state := 0 // 0: waiting, 1: f started, 2: stopped
	go func() {
		select {
		case <-ctx.Done():
			mu.Lock()
			run := state == 0
			if run {
				state = 1
			}
			mu.Unlock()
			if run {
				go f()
			}
		case <-stopCh:
		}
	}()
	return func() bool {
		mu.Lock()
		defer mu.Unlock()
		if state != 0 {
			return false
		}
		state = 2
		close(stopCh)
		return true
	}
}

type valueCtx struct {
	parent   Context
	key, val any
}

// WithValue returns a copy of parent in which the value associated with key is val.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	return &valueCtx{parent, key, val}
}

func (c *valueCtx) Deadline() (deadline time.Time, ok bool) { return c.parent.Deadline() }
func (c *valueCtx) Done() <-chan struct{}                   { return c.parent.Done() }
func (c *valueCtx) Err() error                              { return c.parent.Err() }

// String is Go's text of the context: "context.Background.WithValue(type string, val v)";
// a value that is neither a string nor a Stringer shows as <not Stringer>.
func (c *valueCtx) String() string {
	return contextName(c.parent) + ".WithValue(type " + fmt.Sprintf("%T", c.key) + ", val " + stringify(c.val) + ")"
}

func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	}
	return "<not Stringer>"
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.parent.Value(key)
}

type stringer interface{ String() string }

func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", c)
}
