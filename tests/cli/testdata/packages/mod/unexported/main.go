package main

import "example.com/lockstep/fixture/util"

func main() { println(util.double(1)) }
