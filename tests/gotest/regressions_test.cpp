// Programs where lockstep once disagreed with Go, kept in tests/gotest/regressions/: each
// NAME.go has NAME.out, recorded from Go 1.19 ("exit N", then the combined stdout and
// stderr up to and including the first "panic:" or "fatal error:" line), or the single
// line "unsupported" (lockstep must reject it with a diagnostic). `lockstep run` must
// exit N and print that text first; `lockstep check` must reach a verdict (no
// internal error).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/process.hpp"

namespace fs = std::filesystem;
using lockstep::test_support::read_file;
using lockstep::test_support::run_captured;
using lockstep::test_support::shell_quote;

namespace {

std::vector<fs::path> regression_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(LOCKSTEP_SOURCE_DIR) / "tests/gotest/regressions"))
        if (e.path().extension() == ".go") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("regressions: lockstep run prints and exits as Go 1.19 did", "[gotest][regression]") {
    std::vector<fs::path> files = regression_files();
    REQUIRE(files.size() >= 10);
    for (const fs::path& file : files) {
        fs::path out = file;
        out.replace_extension(".out");
        std::string want = read_file(out);
        INFO(file.filename().string());
        if (want.rfind("unsupported\n", 0) == 0) {
            // Beyond what lockstep models: a diagnostic at a position, exit 2, never a
            // report of the program's panic.
            auto ran = run_captured("(timeout -k 2 20 " + shell_quote(LOCKSTEP_BINARY) + " run " +
                                    shell_quote(file.string()) + " 2>&1)");
            INFO("lockstep printed:\n" << ran.out);
            CHECK(ran.code == 2);
            CHECK(ran.out.find(".go:") != std::string::npos);
            CHECK(ran.out.find(": unsupported: ") != std::string::npos);
            CHECK(ran.out.find("panic: ") == std::string::npos);
            continue;
        }
        REQUIRE(want.rfind("exit ", 0) == 0);
        size_t nl = want.find('\n');
        int code = std::stoi(want.substr(5, nl - 5));
        std::string text = want.substr(nl + 1);
        // stderr joins stdout inside the subshell, so the two keep their order.
        auto ran = run_captured("(timeout -k 2 20 " + shell_quote(LOCKSTEP_BINARY) + " run " +
                                shell_quote(file.string()) + " 2>&1)");
        INFO("lockstep printed:\n" << ran.out);
        CHECK(ran.code == code);
        CHECK(ran.out.substr(0, text.size()) == text);
    }
}

TEST_CASE("regressions: lockstep check reaches a verdict on each", "[gotest][regression]") {
    for (const fs::path& file : regression_files()) {
        auto ran = run_captured("(timeout -k 2 20 " + shell_quote(LOCKSTEP_BINARY) + " check --no-progress " +
                                shell_quote(file.string()) + " 2>&1)");
        INFO(file.filename().string() << ":\n" << ran.out);
        CHECK((ran.code == 0 || ran.code == 1));
        CHECK(ran.out.find("internal error") == std::string::npos);
    }
}
