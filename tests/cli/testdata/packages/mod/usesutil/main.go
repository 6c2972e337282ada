package main

import (
	"fmt"

	"example.com/lockstep/fixture/util"
)

func main() { fmt.Println(util.Twice(21)) }
