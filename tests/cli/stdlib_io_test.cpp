// io (ReadAll, ReadFull, Pipe), strings.Reader, log.Logger and the text of a context, run
// from lang/stdsrc, each compared with what Go 1.19 prints for the same program (go run,
// many runs, also GOMAXPROCS=1 and -race; recorded in the comments).
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("io.ReadAll, io.ReadFull and strings.Reader read as Go's do; a closed pipe's Write fails", "[cli][stdlib][io]") {
    // go run (Go 1.19) prints exactly this, every run.
    std::string file = write_temp("stdlib_io/read.go", R"(package main

import (
	"fmt"
	"io"
	"strings"
)

func main() {
	r, w := io.Pipe()
	go func() {
		fmt.Fprint(w, "hello, ")
		w.Write([]byte("pipe"))
		w.Close()
	}()
	data, err := io.ReadAll(r)
	fmt.Println(string(data), err)
	n, err := w.Write([]byte("x"))
	fmt.Println(n, err)
	buf := make([]byte, 4)
	n, err = io.ReadFull(strings.NewReader("ab"), buf)
	fmt.Println(n, err)
	n, err = io.ReadFull(strings.NewReader("abcdef"), buf)
	fmt.Println(n, err, string(buf))
	n, err = io.ReadFull(strings.NewReader(""), buf)
	fmt.Println(n, err)
	sr := strings.NewReader("xyz")
	fmt.Println(sr.Len(), sr.Size())
	all, err := io.ReadAll(sr)
	fmt.Println(string(all), err, sr.Len())
	_, err = io.ReadAtLeast(strings.NewReader("abc"), buf[:1], 2)
	fmt.Println(err == io.ErrShortBuffer, err)
}
)");
    const std::string want =
        "hello, pipe <nil>\n0 io: read/write on closed pipe\n2 unexpected EOF\n4 <nil> abcd\n0 EOF\n3 3\n"
        "xyz <nil> 0\ntrue short buffer\n";
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 0);
    CHECK(r.out == want);
    Ran c = run_lockstep("check --no-progress --color never " + file);
    CHECK(c.code == 0);
    CHECK(contains(c.out, "verified"));
}

TEST_CASE("bytes.NewBufferString, NewBuffer, Buffer.Read and bytes.Reader read as Go's do", "[cli][stdlib][io]") {
    // go run (Go 1.19) prints exactly this.
    std::string file = write_temp("stdlib_io/bytes.go", R"(package main

import (
	"bytes"
	"fmt"
	"io"
)

func main() {
	b := bytes.NewBufferString("hello world")
	p := make([]byte, 5)
	n, err := b.Read(p)
	fmt.Println(n, err, string(p[:n]), b.Len(), b.String())
	rest, err := io.ReadAll(b)
	fmt.Printf("%q %v %d\n", rest, err, b.Len())
	n, err = b.Read(p)
	fmt.Println(n, err)
	nb := bytes.NewBuffer([]byte("xy"))
	fmt.Fprintf(nb, "-%d", 3)
	fmt.Println(nb.String())
	r := bytes.NewReader([]byte("abc"))
	c, _ := r.ReadByte()
	fmt.Println(string(c), r.Len(), r.Size())
	all, err := io.ReadAll(r)
	fmt.Println(string(all), err)
	var w bytes.Buffer
	var rd io.Reader = &w
	w.WriteString("via interface")
	data, _ := io.ReadAll(rd)
	fmt.Println(string(data))
}
)");
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 0);
    CHECK(r.out == "5 <nil> hello 6  world\n\" world\" <nil> 0\n0 EOF\nxy-3\na 2 3\nbc <nil>\nvia interface\n");
}

TEST_CASE("io.Pipe: a Write blocks until Reads took all its bytes; CloseWithError's error reaches the reader", "[cli][stdlib][io]") {
    // go run (Go 1.19, 200 runs): both outcomes below ("wrote 7" before or after the last
    // read; 190 and 10 times); GOMAXPROCS=1 the first only; -race clean.
    std::string file = write_temp("stdlib_io/pipe.go", R"(package main

import (
	"errors"
	"fmt"
	"io"
)

func main() {
	r, w := io.Pipe()
	done := make(chan bool)
	go func() {
		buf := make([]byte, 3)
		for {
			n, err := r.Read(buf)
			fmt.Println("read", n, string(buf[:n]), err)
			if err != nil {
				break
			}
		}
		r.Close()
		done <- true
	}()
	n, err := w.Write([]byte("abcdefg"))
	fmt.Println("wrote", n, err)
	w.CloseWithError(errors.New("boom"))
	<-done
	n, err = w.Write([]byte("z"))
	fmt.Println("after", n, err)
}
)");
    Ran c = run_lockstep("check --no-progress --format json " + file);
    CHECK(c.code == 0);
    CHECK(contains(c.out, "\"verdict\": \"verified\""));
    const std::string head = "read 3 abc <nil>\\nread 3 def <nil>\\n";
    const std::string tail = "read 0  boom\\nafter 0 io: read/write on closed pipe\\n";
    CHECK(contains(c.out, head + "wrote 7 <nil>\\nread 1 g <nil>\\n" + tail));
    CHECK(contains(c.out, head + "read 1 g <nil>\\nwrote 7 <nil>\\n" + tail));
    // exactly those two: the pipe has no buffer, so "wrote 7" never comes before "def"
    CHECK(!contains(c.out, "wrote 7 <nil>\\nread 3 def"));
    // No lock-held-blocking note from the library's own pipe.
    CHECK(!contains(c.out, "lock-held-blocking"));
}

TEST_CASE("io.Pipe: the reader closing early fails the blocked Write; a writer that never closes deadlocks ReadAll",
          "[cli][stdlib][io]") {
    // go run (Go 1.19): "got he\n2 unexpected EOF\nio: read/write on closed pipe\n".
    std::string early = write_temp("stdlib_io/early.go", R"(package main

import (
	"fmt"
	"io"
)

func main() {
	r, w := io.Pipe()
	go func() {
		buf := make([]byte, 2)
		n, _ := r.Read(buf)
		fmt.Println("got", string(buf[:n]))
		r.CloseWithError(io.ErrUnexpectedEOF)
	}()
	n, err := w.Write([]byte("hello"))
	fmt.Println(n, err)
	_, err = r.Read(make([]byte, 1))
	fmt.Println(err)
}
)");
    Ran r = run_lockstep("run " + early);
    CHECK(r.code == 0);
    CHECK(r.out == "got he\n2 unexpected EOF\nio: read/write on closed pipe\n");
    CHECK(run_lockstep("check --no-progress " + early).code == 0);
    // go run (Go 1.19): "fatal error: all goroutines are asleep - deadlock!" in pipe.read.
    std::string leak = write_temp("stdlib_io/leak.go", R"(package main

import (
	"fmt"
	"io"
)

func main() {
	r, w := io.Pipe()
	go func() {
		fmt.Fprintln(w, "only line")
	}()
	data, _ := io.ReadAll(r)
	fmt.Println(len(data))
}
)");
    Ran d = run_lockstep("check --no-progress --color never " + leak);
    CHECK(d.code == 1);
    CHECK(contains(d.out, "deadlock"));
}

TEST_CASE("log.New: a Logger's prefix, flags and output as Go's; Panic and Fatal after the line", "[cli][stdlib][log]") {
    // go run (Go 1.19): the stdout below; stderr "logger.go:27: P:nine\nlogger.go:33: P:ten\n\n
    // logger.go:31: P:bye 1\n" (Panicln's line, then the Fatalf in the deferred recover);
    // exit status 1.
    std::string file = write_temp("stdlib_io/logger.go", R"(package main

import (
	"log"
	"os"
	"strings"
)

func main() {
	var sb strings.Builder
	l := log.New(&sb, "app: ", 0)
	l.Print("one", 2)
	l.Printf("%d-%s", 3, "x")
	l.Println("four")
	l.SetPrefix("[p] ")
	l.SetFlags(log.Lmsgprefix)
	l.Print("five")
	l.SetFlags(log.Lshortfile)
	l.Print("six")
	os.Stdout.WriteString(sb.String())
	println(l.Flags(), l.Prefix(), l.Writer() == &sb)
	l2 := log.New(os.Stdout, "", log.Lshortfile|log.Lmsgprefix)
	l2.SetPrefix("P:")
	l2.Println("seven")
	l2.Output(1, "eight")
	l2.SetOutput(os.Stderr)
	l2.Print("nine")
	defer func() {
		r := recover()
		println("recovered", r.(string))
		l2.Fatalf("bye %d", 1)
	}()
	l2.Panicln("ten")
}
)");
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 1);
    CHECK(r.out ==
          "app: one2\napp: 3-x\napp: four\n[p] five\n[p] logger.go:19: six\nlogger.go:24: P:seven\nlogger.go:25: P:eight\n");
    CHECK(r.err == "16 [p]  true\nlogger.go:27: P:nine\nlogger.go:33: P:ten\nrecovered ten\n\nlogger.go:31: P:bye 1\n");
}

TEST_CASE("a Logger serializes its lines: two goroutines logging into one writer do not race", "[cli][stdlib][log]") {
    // go run (Go 1.19, 200 runs): both orders of the two lines; -race clean.
    std::string file = write_temp("stdlib_io/logpipe.go", R"(package main

import (
	"fmt"
	"io"
	"log"
	"strings"
	"sync"
)

func main() {
	r, w := io.Pipe()
	l := log.New(w, "", 0)
	var sb strings.Builder
	l2 := log.New(&sb, "> ", log.Lmsgprefix)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			l.Printf("worker %d", i)
			l2.Println("line", i)
		}(i)
	}
	go func() {
		wg.Wait()
		w.Close()
	}()
	data, err := io.ReadAll(r)
	fmt.Printf("%q %v %d\n", data, err, strings.Count(sb.String(), "> line"))
}
)");
    Ran c = run_lockstep("check --no-progress --format json " + file);
    CHECK(c.code == 0);
    CHECK(contains(c.out, "\"verdict\": \"verified\""));
    CHECK(contains(c.out, "\\\"worker 0\\\\nworker 1\\\\n\\\" <nil> 2\\n"));
    CHECK(contains(c.out, "\\\"worker 1\\\\nworker 0\\\\n\\\" <nil> 2\\n"));
}

TEST_CASE("a context's text is Go's: WithDeadline shows the deadline and the time left, WithValue its key and value",
          "[cli][stdlib][context]") {
    // go run (Go 1.19) prints the same lines, but with the wall clock's date and monotonic
    // reading and the time left as measured ("[999.900733ms]"); lockstep's clock starts
    // at 2009-11-10 23:00:00 UTC and, under `run`, advances 100ns per visible operation
    // (docs/usage.md), so the time left is a little under a second here too.
    std::string file = write_temp("stdlib_io/ctx.go", R"(package main

import (
	"context"
	"fmt"
	"time"
)

type key string

func (k key) String() string { return "key:" + string(k) }

type num int

func main() {
	bg := context.Background()
	c1, cancel1 := context.WithCancel(bg)
	defer cancel1()
	fmt.Println(c1)
	v := context.WithValue(c1, "user", "gopher")
	fmt.Println(v)
	v2 := context.WithValue(v, key("k"), num(3))
	fmt.Println(v2)
	v3 := context.WithValue(context.TODO(), num(1), key("x"))
	fmt.Printf("%v\n", v3)
	d, cancel2 := context.WithTimeout(bg, time.Second)
	defer cancel2()
	fmt.Println(d)
	fmt.Println(time.Now().Add(1500 * time.Millisecond))
}
)");
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "context.Background.WithCancel\n"
          "context.Background.WithCancel.WithValue(type string, val gopher)\n"
          "context.Background.WithCancel.WithValue(type string, val gopher).WithValue(type main.key, val <not Stringer>)\n"
          "context.TODO.WithValue(type main.num, val key:x)\n"
          "context.Background.WithDeadline(2009-11-10 23:00:01.0000004 +0000 UTC m=+1.000000400 [999.9997ms])\n"
          "2009-11-10 23:00:01.5000008 +0000 UTC m=+1.500000800\n");
}
