// The library behaviours where lockstep decides what Go leaves to the machine (the
// regressions compare everything else with Go 1.19): log's timestamp comes from the
// virtual clock, os.Args is ["prog"], errors.Join exists from --lang go1.20 on.
#include <catch2/catch.hpp>

#include <string>

#include "tests/support/process.hpp"

using lockstep::test_support::run_captured;
using lockstep::test_support::shell_quote;
using lockstep::test_support::write_temp;

namespace {

lockstep::test_support::Captured run(const std::string& name, const std::string& src, const std::string& flags = "") {
    std::string file = write_temp(name, src);
    return run_captured("(timeout -k 2 20 " + shell_quote(LOCKSTEP_BINARY) + " run " + flags + " " + shell_quote(file) +
                        " 2>&1)");
}

}  // namespace

TEST_CASE("log's default flags print the virtual clock as a date from 2009/11/10 23:00:00", "[gotest][library]") {
    auto r = run("log_clock.go", R"(package main

import (
	"log"
	"time"
)

func main() {
	log.Print("start")
	time.Sleep(90*time.Minute + 1500*time.Millisecond)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	log.Printf("later %d", 2)
	time.Sleep(2 * time.Hour)
	log.SetFlags(log.Ldate)
	log.Println("next day")
}
)");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out == "2009/11/10 23:00:00 start\n2009/11/11 00:30:01.500000 later 2\n2009/11/11 next day\n");
}

TEST_CASE("os.Args is the program name only; log.Fatal exits 1", "[gotest][library]") {
    auto r = run("args.go", R"(package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	fmt.Println(len(os.Args), os.Args[0])
	log.SetFlags(0)
	log.Fatalln("bye", len(os.Args[1:]))
}
)");
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out == "1 prog\nbye 0\n");
}

TEST_CASE("errors.Join is Go 1.20: undefined under the default Go 1.19", "[gotest][library]") {
    std::string src = R"(package main

import (
	"errors"
	"fmt"
	"io"
)

func main() {
	a := errors.New("a")
	j := errors.Join(a, nil, io.EOF)
	fmt.Printf("%v|%T|%v|%v|%v\n", j, j, errors.Is(j, io.EOF), errors.Unwrap(j), errors.Join(nil) == nil)
}
)";
    auto old = run("join19.go", src);
    INFO(old.out);
    CHECK(old.code == 2);
    CHECK(old.out.find("join19.go:11:14: undefined: errors.Join") != std::string::npos);
    auto now = run("join20.go", src, "--lang go1.20");
    INFO(now.out);
    CHECK(now.code == 0);
    CHECK(now.out == "a\nEOF|*errors.joinError|true|<nil>|true\n");
}
