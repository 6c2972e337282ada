// A file of the fixture module whose package clause follows a comment, as in most
// real files (a license header, a doc comment).

package main

import "fmt"

var b = trace("b", 41)

type tally struct{ n int }

func (t *tally) add(k int) { t.n += k }

var counter = &tally{n: 1}

func trace(name string, v int) int {
	fmt.Println("var", name)
	return v
}

func init() { fmt.Println("init b.go") }
