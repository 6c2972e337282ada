package main

import "fmt"

func helper() int { return 1 }
