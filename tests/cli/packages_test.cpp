// A directory as one Go package, `./...`, go.mod's module path and imports of packages of
// the same module, on the fixture module in tests/cli/testdata/packages/mod. The expected
// outputs and messages are what Go 1.19 prints for the same tree (`go run .`,
// `go run ./app`, `go test -race ./counter ./app`, `go build ./unused ./unexported`,
// `go vet ./bad`), run by hand; when `go` is on PATH the test also runs `go run` and
// compares.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;
using lockstep::test_support::run_captured;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const std::string fixture = std::string(LOCKSTEP_SOURCE_DIR) + "/tests/cli/testdata/packages/mod";

// lockstep run from inside the fixture module.
Ran in_module(const std::string& args) { return run_lockstep(args, "cd " + shell_quote(fixture) + " &&"); }

std::string go_run(const std::string& pkg) {
    if (run_captured("command -v go").code != 0) return {};
    auto r = run_captured("cd " + shell_quote(fixture) + " && GOFLAGS= GO111MODULE=on go run " + pkg);
    return r.code == 0 ? r.out : "go run failed: " + r.err;
}

// Go's order: package variables by dependency across the files (b before a), then the
// init functions in the order of the files (b.go, main.go), then main.
const char* root_output = "var b\nvar a\ninit b.go\ninit main.go\nmain 42 41 1\n3\n";

// Across packages: util, then store (its variables, then its inits file by file:
// limit.go before store.go), then main.
const char* app_output =
    "init util\nvar store.Limit\nvar store.Registry\ninit store (limit.go)\ninit store (store.go)\n"
    "var main.started\ninit main\nstore 10 2 true\n";

}  // namespace

TEST_CASE("a directory whose files build together is one package, initialized as go run does", "[cli][packages]") {
    if (std::string go = go_run("."); !go.empty()) CHECK(go == root_output);
    Ran run = in_module("run .");
    CHECK(run.code == 0);
    CHECK(run.out == root_output);
    Ran check = in_module("check --no-progress --color never .");
    CHECK(check.code == 0);
    CHECK(contains(check.err, "note: .: one package of 2 files"));
    CHECK(contains(check.out, ".: verified"));
}

TEST_CASE("./... walks the subdirectories, one package each; a folder of programs is checked file by file", "[cli][packages]") {
    Ran r = in_module("check --no-progress --color never ./...");
    CHECK(r.code == 2);  // ./bad, ./unused and ./unexported do not build
    CHECK(contains(r.err, "note: ./counter: one package of 2 files"));
    CHECK(contains(r.err, "note: ./progs: 2 programs, each file on its own (main redeclared)"));
    // Each TestXxx of the package is an entry; the race is in the non-test file.
    CHECK(contains(r.out, "./counter (TestSafe): verified"));
    CHECK(contains(r.out, "./counter (TestRacy): bug: data-race"));
    CHECK(contains(r.out, "./counter/counter.go:10:27"));
    CHECK(contains(r.out, "./progs/one.go: verified"));
    CHECK(contains(r.out, "./progs/two.go: bug: deadlock"));
    CHECK(!contains(r.out + r.err, "testdata"));  // skipped, as the go tool does
    // A library package without _test.go files: go test's "[no test files]".
    CHECK(contains(r.err, "note: ./store: package store: no test files, nothing to check"));
    CHECK(contains(r.err, "note: ./bad: one package of 2 files"));
    Ran store = in_module("check --no-progress ./store");
    CHECK(store.code == 0);
    CHECK(store.out.empty());
    // A directory without the walk is that package only.
    Ran one = in_module("check --no-progress --color never counter");
    CHECK(one.code == 1);
    CHECK(!contains(one.out, "progs"));
}

TEST_CASE("imports of packages of the same module are loaded from source", "[cli][packages]") {
    if (std::string go = go_run("./app"); !go.empty()) CHECK(go == app_output);
    Ran run = in_module("run ./app");  // as go run: without app_test.go
    CHECK(run.code == 0);
    CHECK(run.out == app_output);
    // The test entry of ./app races inside store (go test -race: DATA RACE in Counter.Inc).
    Ran check = in_module("check --no-progress --color never ./app");
    CHECK(check.code == 1);
    CHECK(contains(check.out, "./app (TestCounter): bug: data-race"));
    CHECK(contains(check.out, "store/store.go:38:27"));
    // A single file importing a package of its module too.
    Ran file = in_module("run usesutil/main.go");
    CHECK(file.out == "init util\n42\n");
    Ran unexported = in_module("check --no-progress ./unexported");
    CHECK(unexported.code == 2);
    CHECK(contains(unexported.err, "unexported/main.go:5:28: double not exported by package util"));
}

TEST_CASE("an import of another module is unsupported at its position; imports are per file", "[cli][packages]") {
    Ran bad = in_module("check --no-progress ./bad");
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "bad/a.go:3:8: unsupported: import of another module \"golang.org/x/sync/errgroup\""));
    // fmt is used in a.go but not in b.go: Go rejects b.go's import.
    Ran unused = in_module("check --no-progress ./unused");
    CHECK(unused.code == 2);
    CHECK(contains(unused.err, "unused/b.go:3:8: imported and not used: \"fmt\""));
}
