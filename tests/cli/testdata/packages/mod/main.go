package main

import "fmt"

var a = trace("a", b+1)

func init() { fmt.Println("init main.go") }

func main() {
	fmt.Println("main", a, b, counter.n)
	counter.add(2)
	fmt.Println(counter.n)
}
