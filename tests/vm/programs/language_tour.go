package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct {
	W, H float64
}

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

type Base struct{ ID int }

func (b Base) Describe() string { return "base#" + strconv.Itoa(b.ID) }

type Derived struct {
	Base
	Label string
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	for i, s := range shapes {
		fmt.Printf("%d %s %.2f\n", i, s.Name(), s.Area())
	}
	d := Derived{Base{7}, "x"}
	fmt.Println(d.Describe(), d.ID, d)
	fmt.Printf("%v %+v\n", d, d)
	m := map[string]int{"b": 2, "a": 1}
	m["c"] = 3
	delete(m, "b")
	v, ok := m["zz"]
	fmt.Println(m, len(m), v, ok)
	var s []int
	for i := 0; i < 5; i++ {
		s = append(s, i*i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	fmt.Println(s, s[1:3], len(s[:2]), sum(s...), sum(1, 2, 3))
	q, err := divide(7, 0)
	fmt.Println(q, err)
	q, err = divide(7, 2)
	fmt.Println(q, err)
	var e error = &MyErr{42}
	fmt.Println(e)
	fmt.Println(fib(15))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		sb.WriteString(strconv.Itoa(i))
		sb.WriteByte('-')
	}
	fmt.Println(sb.String(), sb.Len())
	str := "héllo"
	for i, r := range str {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(len(str), str[1], strings.ToUpper(str[:1]))
	var x interface{} = 42
	switch t := x.(type) {
	case string:
		fmt.Println("string", t)
	case int:
		fmt.Println("int", t+1)
	}
	n, ok2 := x.(string)
	fmt.Printf("%q %v %T %T\n", n, ok2, x, shapes[1])
	var u8 uint8 = 250
	u8 += 10
	var i32 int32 = 1 << 30
	i32 *= 4
	fmt.Println(u8, i32, -7/2, -7%2, 7.0/2)
	arr := [3]int{1, 2, 3}
	arr[1] = 20
	fmt.Println(arr, len(arr))
	p := &arr
	p[2] = 30
	fmt.Println(*p)
	fmt.Printf("%5d|%-5d|%05d|%x|%8.3f|%t|%c|%%\n", 42, 42, 42, 255, 3.14159, true, 'A')
	fmt.Println(errors.New("boom"), 1.5, 1e21, 100000000.0, float64(3))
}
