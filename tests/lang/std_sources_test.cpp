// The library packages written in Go (lang/stdsrc/*.go) are embedded in the binary, and
// lockstep's own front end accepts them: the context model type-checks on its own, made a
// main package (the cli tests run it as package "context").
#include <catch2/catch.hpp>

#include <string>

#include "lang/check.hpp"
#include "lang/parser.hpp"
#include "lang/source.hpp"
#include "lang/std_sources.hpp"

using namespace lockstep::lang;

TEST_CASE("the context model is embedded and type-checks with lockstep's checker", "[check][stdsrc]") {
    const StdSource* ctx = std_source("context");
    REQUIRE(ctx != nullptr);
    CHECK(std_source("no/such/package") == nullptr);
    CHECK(std_source_file("context") == "lockstep-std/context/context.go");

    std::string text(ctx->text);
    const std::string clause = "\npackage context\n";
    auto at = text.find(clause);
    REQUIRE(at != std::string::npos);
    text.replace(at, clause.size(), "\npackage main\n");
    text += "\nfunc main() {\n\tctx, cancel := WithTimeout(WithValue(Background(), 1, 2), time.Millisecond)\n"
            "\tdefer cancel()\n\t<-ctx.Done()\n\t_ = errors.Is(ctx.Err(), DeadlineExceeded)\n}\n";
    SourceFile src("context_as_main.go", text);
    auto file = parse_file(src);
    REQUIRE(file != nullptr);
    CHECK_NOTHROW(check_file(*file));
}
