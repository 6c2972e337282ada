// Interfaces, type switches, embedded structs, constants with iota, closures and labels.
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

type Kind int

const (
	Circle Kind = iota
	Square
	Triangle
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
)

type Shape interface {
	Area() float64
	fmt.Stringer
}

type base struct{ name string }

func (b base) String() string { return b.name }

type Rect struct {
	base
	W, H float64 `unit:"cm"`
}

func (r Rect) Area() float64 { return r.W * r.H }

type Counter struct {
	sync.RWMutex
	hits map[string]int
	n    atomic.Int64
}

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int ", x)
	case Shape:
		return "shape " + x.String()
	case func() int:
		return "func"
	default:
		_ = x
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{base{"r1"}, 2, 3}, &Rect{base: base{name: "r2"}, W: 1, H: 1}}
	var sb strings.Builder
	for i, s := range shapes {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(fmt.Sprintf("%s=%.1f", s, s.Area()))
	}
	fmt.Println(sb.String())
	c := Counter{hits: map[string]int{}}
	inc := func(key string) func() {
		return func() {
			c.Lock()
			c.hits[key]++
			c.Unlock()
			c.n.Add(1)
		}
	}
	var wg sync.WaitGroup
	for _, k := range [...]string{"a", "b", "a"} {
		wg.Add(1)
		f := inc(k)
		go func() { defer wg.Done(); f() }()
	}
	wg.Wait()
	grid := [][2]int{{1, 2}, {3, 4}}
outer:
	for _, row := range grid {
		for _, v := range row {
			if v == 3 {
				continue outer
			}
			switch {
			case v%2 == 0:
				fmt.Println("even", v)
				fallthrough
			case v > 100:
			default:
				fmt.Println("odd", v)
			}
		}
	}
	fmt.Println(describe(nil), describe(3), describe(shapes[0]), KB, MB, Square)
	c.RLock()
	fmt.Println(c.hits["a"], c.n.Load())
	c.RUnlock()
	// Unordered output:
	// r1=6.0, r2=1.0
	// odd 1
	// even 2
	// nil int 3 shape r1 1024 1048576 1
	// 2 3
}
