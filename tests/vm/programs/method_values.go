package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type C struct{ n int }

func (c *C) Inc(d int) { c.n += d }
func (c C) Get() int    { return c.n }

type W struct {
	C
	sync.Mutex
}

func pair() (int, string) { return 7, "seven" }

func main() {
	var rw sync.RWMutex
	rl := rw.RLocker()
	rl.Lock()
	ok := rw.TryLock()
	rl.Unlock()
	fmt.Printf("%T %v\n", rl, ok)
	inc := (*C).Inc
	get := C.Get
	getp := (*C).Get
	c := &C{}
	inc(c, 5)
	fmt.Println(get(*c), getp(c))
	f := c.Inc
	f(2)
	g := c.Get
	c.n = 100
	fmt.Println(c.n, g())
	w := &W{}
	winc := w.Inc
	winc(3)
	lock := w.Lock
	unlock := w.Unlock
	lock()
	unlock()
	wl := (*W).Lock
	wl(w)
	w.Unlock()
	fmt.Println(w.Get(), W.Get(*w))
	p := fmt.Println
	p("hello", 1, 2)
	up := strings.ToUpper
	fmt.Println(up("abc"))
	var a, b = pair()
	fmt.Println(a, b)
	d := 1500 * time.Millisecond
	ds := d.String
	fmt.Println(ds())
	var st fmt.Stringer = d
	fmt.Println(st.String())
}
