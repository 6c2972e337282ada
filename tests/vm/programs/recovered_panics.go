package main

import "fmt"

type T struct{ A, B int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Println(name, "->", r)
	}()
	f()
}

func main() {
	try("index", func() {
		s := []int{1, 2, 3}
		i := 3
		_ = s[i]
	})
	try("nilmap", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nilptr", func() {
		var p *T
		fmt.Println(p.A)
	})
	try("div", func() {
		a, b := 1, 0
		_ = a / b
	})
	try("assert", func() {
		var x interface{} = "s"
		_ = x.(int)
	})
	try("custom", func() {
		panic(fmt.Sprintf("boom %d", 7))
	})
	try("closed", func() {
		c := make(chan int, 1)
		close(c)
		close(c)
	})
	try("slice", func() {
		s := make([]int, 2, 4)
		n := 5
		_ = s[1:n]
	})
	var t T
	panic(t)
}
