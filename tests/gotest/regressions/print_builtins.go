// print and println write Go's runtime formatting to stderr, interleaved with fmt's
// stdout in program order (Go's test/deferprint.go, printbig.go, helloworld.go); os.Exit's
// status is the process's. lockstep dropped print's text and exited 0.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("stdout first")
	println(42, true, 1.5, "s", -0.25, 1e100)
	var p *int
	var sl []int
	print(p, " ", sl, "\n")
	println(-9223372036854775808, uint64(18446744073709551615))
	fmt.Println("stdout last")
	os.Exit(3)
}
