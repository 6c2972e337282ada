package main

import (
	"fmt"
	"sync"
)

type Inner struct{ n int }

func (i Inner) String() string { return fmt.Sprintf("inner(%d)", i.n) }

type Outer struct {
	Inner
	x int
}

type PI struct{ n int }

func (p *PI) Error() string { return fmt.Sprint("pi error ", p.n) }

type OuterP struct {
	*PI
}

type Guarded struct {
	sync.Mutex
	v int
}

type GuardedP struct {
	*sync.RWMutex
}

func use(l sync.Locker) {
	l.Lock()
	l.Unlock()
}

func main() {
	g := &Guarded{}
	use(g)
	var l sync.Locker = g
	l.Lock()
	g.v++
	l.Unlock()
	gp := GuardedP{&sync.RWMutex{}}
	use(gp)
	var s fmt.Stringer = Outer{Inner{3}, 4}
	fmt.Println(s.String(), s)
	var e error = OuterP{&PI{7}}
	fmt.Println(e.Error(), e)
	var e2 error = &OuterP{&PI{8}}
	fmt.Println(e2)
	fmt.Println(Outer{Inner{5}, 6})
	fmt.Printf("%v %s\n", Outer{Inner{1}, 2}, &Outer{Inner{9}, 2})
	fmt.Println("done", g.v)
}
