// A file of the fixture module whose package clause follows a comment, as in most
// real files (a license header, a doc comment).

package util

import "fmt"

func init() { fmt.Println("init util") }

// Twice is exported; double is not, and other packages cannot name it.
func Twice(x int) int { return double(x) }

func double(x int) int { return 2 * x }
