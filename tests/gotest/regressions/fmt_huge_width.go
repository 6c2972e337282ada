// fmt: a width or precision past a million is Go's "crazy long number" (the verb is
// missing) or, from an argument, BADWIDTH/BADPREC; found by fuzz_check (signed overflow).
package main

import "fmt"

func main() {
	fmt.Printf("[%88888888d]\n", 5)
	fmt.Printf("[%.99999999f]\n", 1.5)
	fmt.Printf("[%*d]\n", 5000000, 7)
	fmt.Printf("[%.*d]\n", 5000000, 7)
	fmt.Println(len(fmt.Sprintf("%999999d", 1)))
}
