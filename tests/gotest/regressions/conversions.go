// Conversions Go's test/ken/convert.go and string_lit.go check: a float64 in [2^63, 2^64)
// converts exactly to uint64 (lockstep saturated it at 2^63), and string(r) of a rune
// constant in the surrogate range is "\uFFFD" (lockstep encoded the surrogate).
package main

import "fmt"

func main() {
	f := 1.671736e19
	fmt.Println(uint64(f), uint64(float32(1e19)))
	g := -1.5
	fmt.Println(int64(g), uint8(200.0+float64(len("x"))))
	s := string(rune(0xD800))
	fmt.Printf("%q %q %q\n", s, string(rune(0x10ffff+1)), string(rune(0xDFFF)))
	r := rune(0xD800)
	fmt.Printf("%q\n", string(r))
}
