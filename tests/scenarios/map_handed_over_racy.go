// A goroutine builds a map, then hands it to main through plain variables: m is
// stored, then a flag that main spins on, with no synchronization. Every map
// write is over before main can even see the map, so Go's runtime never sees
// the two map accesses overlap and never stops the program ("fatal error:
// concurrent map read and map write" cannot happen); it is still a data race,
// on the map, on m and on ready.
// Real Go: prints 1 in every run (go run, 20 runs, GOMAXPROCS=1 and 4); -race
// reports 4 DATA RACEs every run (the flag, m, and the map's contents).
// lockstep reports data-race, never concurrent-map-access.
package main

//lockstep:expect data-race

import "fmt"

var m map[string]int
var ready bool

func main() {
	done := make(chan bool)
	go func() {
		mm := map[string]int{}
		mm["a"] = 1
		m = mm
		ready = true
		done <- true
	}()
	for !ready {
	}
	fmt.Println(m["a"])
	<-done
}
