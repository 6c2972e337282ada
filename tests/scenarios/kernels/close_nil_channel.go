// Non-blocking, misused channel: the watcher makes its stop channel in Start, but an
// error path in main calls Close without having started it, and close of a nil channel
// panics. Go 1.19 (go run, GOMAXPROCS=1 and 4): "panic: close of nil channel" on every
// run.
//lockstep:expect panic
package main

import (
	"errors"
	"fmt"
)

type Watcher struct {
	stop chan struct{}
	done chan struct{}
}

func (w *Watcher) Start() {
	w.stop = make(chan struct{})
	w.done = make(chan struct{})
	go func() {
		defer close(w.done)
		<-w.stop
	}()
}

func (w *Watcher) Close() {
	close(w.stop) // bug: nil when Start never ran
	<-w.done
}

func open(path string) error {
	if path == "" {
		return errors.New("no path")
	}
	return nil
}

func main() {
	w := &Watcher{}
	defer w.Close()
	if err := open(""); err != nil {
		fmt.Println("open:", err)
		return
	}
	w.Start()
}
