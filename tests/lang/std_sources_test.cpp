// The library packages written in Go (lang/stdsrc/*.go) are embedded in the binary, and
// lockstep's own front end accepts them: the context model type-checks on its own, made a
// main package (the cli tests run it as package "context").
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "lang/check.hpp"
#include "lang/packages.hpp"
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

TEST_CASE("the declarations of context for programs checked without the loader match the Go source's API", "[check][stdsrc]") {
    const StdSource* ctx = std_source("context");
    REQUIRE(ctx != nullptr);
    SourceFile src(std_source_file("context"), std::string(ctx->text));
    auto file = parse_file(src);
    REQUIRE(file != nullptr);
    std::set<std::string> source_api;
    auto exported = [](const std::string& n) { return !n.empty() && n[0] >= 'A' && n[0] <= 'Z'; };
    for (Decl* d : file->decls) {
        if (auto* fd = d->as<FuncDecl>()) {
            if (!fd->recv && exported(fd->name->name)) source_api.insert(fd->name->name);
        } else if (auto* gd = d->as<GenDecl>()) {
            for (const ValueSpec& vs : gd->values)
                for (Ident* n : vs.names)
                    if (exported(n->name)) source_api.insert(n->name);
            for (const TypeSpec& ts : gd->types)
                if (exported(ts.name->name)) source_api.insert(ts.name->name);
        }
    }
    TypeInfo info;
    Package* declared = load_package(info, "context");
    REQUIRE(declared != nullptr);
    std::set<std::string> declared_api;
    for (const auto& [name, obj] : declared->members)
        if (exported(name)) declared_api.insert(name);
    CHECK(source_api == declared_api);
}
