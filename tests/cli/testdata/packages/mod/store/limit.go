package store

import (
	"fmt"

	"example.com/lockstep/fixture/util"
)

const Base = 5

var Limit = limit()

func limit() int {
	fmt.Println("var store.Limit")
	return util.Twice(Base)
}

func init() { fmt.Println("init store (limit.go)") }
