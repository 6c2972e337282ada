// goto and labels on any statement (Go's test/ken/label.go needed them): backward gotos
// make loops, forward gotos leave nested blocks, switches, selects and loops, a variable
// declared after a label is a new variable each time control passes it (closures keep
// their own), and a goto loop in a goroutine. Recorded with go run (Go 1.19,
// GOMAXPROCS=1 and 4, and -race, several runs: always the same output).
package main

import "fmt"

func count(n int) (s int) {
	i := 0
top:
	if i < n {
		s += i
		i++
		goto top
	}
	return
}

func find(grid [][]int, want int) (int, int) {
	for r, row := range grid {
		for c, v := range row {
			switch {
			case v == want:
				fmt.Println("found at", r, c)
				goto done
			}
		}
	}
	return -1, -1
done:
	return 1, 1
}

func closures() {
	var fs []func() int
	i := 0
again:
	x := i * 10
	fs = append(fs, func() int { return x })
	i++
	if i < 3 {
		goto again
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}

func sel(ch chan int) string {
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				goto closed
			}
			fmt.Println("got", v)
		}
	}
closed:
	return "closed"
}

func main() {
	fmt.Println(count(5))
	r, c := find([][]int{{1, 2}, {3, 4}}, 4)
	fmt.Println(r, c)
	r, c = find([][]int{{1}}, 9)
	fmt.Println(r, c)
	closures()
	ch := make(chan int)
	done := make(chan string)
	go func() {
		n := 0
	send:
		ch <- n
		n++
		if n < 3 {
			goto send
		}
		close(ch)
	}()
	go func() { done <- sel(ch) }()
	fmt.Println(<-done)
	{
		goto inner
	inner:
		fmt.Println("inner")
	}
	_ = 1
L1:
L2:
	for j := 0; j < 2; j++ {
		if j == 1 {
			break L2
		}
		continue L2
	}
	if false {
		goto L1
	}
	goto end
end:
}
