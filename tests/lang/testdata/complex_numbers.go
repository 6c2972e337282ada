// Complex numbers: constants, arithmetic, conversions, builtins, formatting, map keys.
package main

import (
	"fmt"
	"math"
)

type P struct {
	c complex64
	n int
}

type C complex128

func main() {
	var a complex128 = 1 + 2i
	b := complex(3.0, -4.0)
	fmt.Println(a, b, a+b, a-b, a*b, a/b, -a)
	var c64 complex64 = complex64(a) * 0.1
	fmt.Println(c64, real(c64), imag(b), a == b, a != b, a == 1+2i)
	fmt.Printf("%v %g %f %e %.2f %+.1f\n", a, b, a, b, c64, a)
	m := map[complex128]int{1i: 1, 2: 2}
	m[1i]++
	m[complex(0, 1)] += 10
	fmt.Println(m[1i], m[2], len(m))
	var z complex128
	fmt.Println(z, z == 0)
	p := P{c: 1i, n: 2}
	arr := [2]complex64{1, 2i}
	fmt.Println(p, arr)
	var x interface{} = a
	if v, ok := x.(complex128); ok {
		fmt.Println("ok", v)
	}
	const k = (1 + 2i) * (3 - 1i)
	fmt.Println(k, real(k), imag(k))
	zero := 0.0
	fmt.Println(a/complex(zero, 0), complex(math.NaN(), 1), complex(math.Inf(-1), 0))
	fmt.Printf("%T %T %T\n", a, c64, C(a))
	c := complex64(complex(float32(1<<30), 0))
	c += 1
	c -= 1 << 30
	c++
	fmt.Println(c, c == 1)
	var f32 float32 = 0.1
	fmt.Println(complex(f32, f32)*complex(f32, f32), real(complex128(complex(f32, 0))))
	cc := C(2i)
	cc *= cc
	fmt.Println(cc, 0i, 0x10i, 1e3i, 0123i)
	const big = 1e300i * 1e300i / 1e300
	fmt.Println(big, real(big) == -1e300)
	println(a, b) // stderr, last
}
