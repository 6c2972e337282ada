// A tagless switch compares each case with true, so a case of interface type holds when
// the interface holds the bool true (Go's test/switch.go, issue 3980). lockstep rejected
// it as "mismatched types interface{} and bool".
package main

import "fmt"

func main() {
	for _, v := range []interface{}{true, false, 1} {
		switch i := v; {
		case i:
			fmt.Println("true")
		case false:
			fmt.Println("never: false is a constant")
		default:
			fmt.Println("not true:", i)
		}
	}
}
