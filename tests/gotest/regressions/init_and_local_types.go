// init functions run in source order after the package variables, before main; local
// types with the same name in different blocks are different types (Go's test/init1.go,
// ken/*.go, bigmap.go). lockstep rejected init and confused the two T's layouts.
package main

import "fmt"

var order = []string{"var"}

func init() { order = append(order, "init1") }

func init() { order = append(order, "init2") }

func main() {
	fmt.Println(order)
	{
		type T [1]byte
		m := map[T]int{{1}: 1}
		fmt.Println(m[T{1}])
	}
	{
		type T [100]byte
		m := map[T]int{{1}: 2}
		fmt.Println(m[T{1}], len(T{}))
	}
}
