// Untyped constant arithmetic is exact; conversions round to nearest, ties to even.
package main

import (
	"fmt"
	"math"
)

const (
	two24  = 1.0 * (1 << 24)
	two64  = 1.0 * (1 << 64)
	two128 = two64 * two64
	ulp32  = two128 / two24
	max32  = two128 - ulp32
	third  = 1.0 / 3
	big    = 1 << 100
)

func main() {
	fmt.Println(0.1+0.2 == 0.3)
	x, y := 0.1, 0.2
	fmt.Println(x+y == 0.3)
	fmt.Println(1<<100>>98, big>>97)
	fmt.Println(third*3 == 1, third)
	fmt.Println(1e300*1e300/1e300 == 1e300)
	fmt.Println(float32(max32+ulp32/2-1), float32(max32-ulp32/2))
	fmt.Println(math.Float32bits(float32(max32 + ulp32/2 - ulp32/two64)))
	fmt.Println(math.Float64bits(1+0x1p-53), math.Float64bits(1+0x1p-53+0x1p-100))
	fmt.Println(math.Float32bits(1+0x1p-24), math.Float32bits(1+3*0x1p-24))
	fmt.Println(float64(1e-400), 0x1p-1074, 0x1p-1075+0x1p-1100)
	fmt.Println(big/(1<<99), 7/2, 7/2.0, -7/2, -7%3)
	const huge = 1e500
	fmt.Println(huge/1e490, huge > 1e499)
	var f32 float32 = 16777217
	fmt.Println(f32, float64(f32))
	fmt.Println(uint64(1<<64-1), int64(-1<<63), ^uint32(0), ^0)
	const c = 10000000000000000000000.0 / 3
	fmt.Println(c, int64(1e18/3*3))
	fmt.Printf("%.20f %v\n", 0.1, 1/3.0)
	fmt.Println(-0.0, 1/(1+0.0) == 1)
	fmt.Println(0b1010_1010, 0o17, 0x_ff, 1_000_000, 0x1.8p1, 1e+2, .5e1)
}
