package main

import (
	"fmt"
	"time"
)

type In struct {
	A int
	B string
}
type Out struct {
	N  In
	P  *In
	S  []int
	M  map[string]int
	F  float64
	ok bool
}

func main() {
	fmt.Printf("[%5d][%-5d][%05d][%-5s][%5s][%05.2f][%8.3f]\n", 42, 42, 42, "ab", "ab", 3.14159, 2.5)
	fmt.Printf("%x %X %o %b %e %g %q %U %c\n", 255, 255, 8, 5, 1234.5678, 0.000012, "hi\n", 0x1F600, 'G')
	fmt.Printf("%x %X %q %v %d\n", "hey", []byte("ok"), 'x', []string{"a", "b"}, []int{1, 2})
	o := Out{N: In{1, "x"}, S: []int{1, 2}, M: map[string]int{"b": 2, "a": 1}, F: 1.5, ok: true}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%#v\n", In{3, "y"})
	fmt.Printf("%v %+v\n", &In{4, "z"}, &In{5, "w"})
	fmt.Printf("%t %v %8.2e %-8v|\n", true, nil, 12345.678, "pad")
	fmt.Printf("%3c|%-4q|%6.2f%%\n", 'A', 'B', 99.5)
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 10*time.Millisecond, time.Duration(1500)*time.Microsecond)
}
