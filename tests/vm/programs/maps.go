package main

import "fmt"

type P struct {
	X, Y int
	Name string
}

func main() {
	m := map[int]int{}
	for i := 0; i < 1000; i++ {
		m[i*7919%1000] = i
	}
	for i := 0; i < 1000; i += 2 {
		delete(m, i)
	}
	for i := 0; i < 1000; i += 4 {
		m[i] = -i
	}
	sum := 0
	for k, v := range m {
		sum += k*3 + v
	}
	fmt.Println(len(m), sum, m[4], m[5], m[6])
	ps := map[P]string{}
	ps[P{1, 2, "a"}] = "first"
	ps[P{1, 2, "b"}] = "second"
	ps[P{1, 2, "a"}] = "again"
	fmt.Println(len(ps), ps[P{1, 2, "a"}], ps[P{1, 2, "b"}], ps[P{2, 1, "a"}] == "")
	fs := map[float64]int{}
	fs[0.0] = 1
	negz := 0.0
	negz = -negz
	fs[negz] = 2
	fmt.Println(len(fs), fs[0])
	is := map[interface{}]int{}
	is[1] = 1
	is["1"] = 2
	is[int64(1)] = 3
	is[P{X: 1}] = 4
	is[1] = 5
	fmt.Println(len(is), is[1], is["1"], is[int64(1)], is[P{X: 1}], is[2])
	ss := map[string][]int{}
	words := []string{"go", "lock", "step", "go", "step", "go"}
	for i, w := range words {
		ss[w] = append(ss[w], i)
	}
	fmt.Println(ss)
	arr := map[[2]int]bool{{1, 2}: true}
	fmt.Println(arr[[2]int{1, 2}], arr[[2]int{2, 1}])
	order := map[string]int{}
	for _, w := range []string{"z", "a", "m", "b"} {
		order[w] = len(order)
	}
	delete(order, "a")
	order["a"] = 9
	fmt.Println(order)
}
