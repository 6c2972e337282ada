// fmt's %O verb (octal with a 0o prefix) and the '#' flag on %o and %b: lockstep printed
// "%!O(uint=3)" (found by the sequential generator, tests/gen). Go 1.19 prints the .out.
package main

import "fmt"

func main() {
	fmt.Printf("%O|%O|%#o|%#o|%#b|%o|%O\n", uint(3), -8, 8, 0, 5, -9, int8(-1))
}
