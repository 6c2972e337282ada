// The fixed twin of close_nil_channel.go: Close does nothing for a watcher that was never
// started.
//lockstep:expect none
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
	if w.stop == nil {
		return
	}
	close(w.stop)
	<-w.done
}

func open(path string) error {
	if path == "" {
		return errors.New("no path")
	}
	return nil
}

func main() {
	for _, path := range []string{"", "a.log"} {
		w := &Watcher{}
		if err := open(path); err != nil {
			fmt.Println("open:", err)
			w.Close()
			continue
		}
		w.Start()
		w.Close()
	}
}
