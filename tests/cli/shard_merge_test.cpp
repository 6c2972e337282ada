// --jobs and --shard end to end: n shards as separate processes, `lockstep merge` of their
// JSON reports equals the report of one process (--jobs), for every n; the report is the
// same for every --jobs; a missing shard keeps the merged verdict from `verified`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;
using json = nlohmann::json;

namespace {

const char* k_locked = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("n =", n)
}
)";

const char* k_racy = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++
		}()
	}
	wg.Wait()
	fmt.Println("n =", n)
}
)";

// The report without what depends on timing.
json report(const std::string& text) {
    json j = json::parse(text);
    for (auto& s : j["scenarios"]) s["stats"]["seconds"] = 0;
    return j;
}

std::string check(const std::string& path, const std::string& flags) {
    auto r = run_lockstep("check --no-progress --format json " + flags + " " + shell_quote(path));
    INFO(r.err);
    REQUIRE((r.code == 0 || r.code == 1));
    return r.out;
}

}  // namespace

TEST_CASE("merged shards equal one process, for every number of shards", "[cli][split]") {
    for (auto [name, src] : {std::pair{"locked.go", k_locked}, std::pair{"racy.go", k_racy}}) {
        std::string path = write_temp(std::string("split_") + name, src);
        for (const char* extra : {"", "--all"}) {
            INFO(name << " " << extra);
            json single = report(check(path, std::string("--jobs 1 ") + extra));
            CHECK(report(check(path, std::string("--jobs 3 ") + extra)) == single);
            for (int n : {2, 3}) {
                std::string files;
                for (int i = 0; i < n; ++i) {
                    std::string out = check(path, "--jobs 2 --shard " + std::to_string(i) + "/" + std::to_string(n) + " " + extra);
                    json shard = json::parse(out);
                    CHECK(shard["scenarios"][0]["verdict"] != "verified");
                    CHECK(shard["scenarios"][0].contains("shard"));
                    files += " " + shell_quote(write_temp(std::string("shard_") + std::to_string(i) + "_" + name + ".json", out));
                }
                auto merged = run_lockstep("merge" + files);
                INFO(merged.err);
                CHECK(merged.code == (single["scenarios"][0]["verdict"] == "bug" ? 1 : 0));
                CHECK(report(merged.out) == single);
            }
        }
    }
}

TEST_CASE("a merge without every shard is not verified and names the missing shard", "[cli][split]") {
    std::string path = write_temp("split_missing.go", k_locked);
    std::string a = write_temp("split_missing_0.json", check(path, "--shard 0/3"));
    std::string c = write_temp("split_missing_2.json", check(path, "--shard 2/3"));
    auto full = report(check(path, "--jobs 1"));
    CHECK(full["scenarios"][0]["verdict"] == "verified");
    auto merged = run_lockstep("merge " + shell_quote(a) + " " + shell_quote(c));
    json m = json::parse(merged.out);
    CHECK(m["scenarios"][0]["verdict"] == "bounded");
    CHECK(m["scenarios"][0]["stats"]["bound"] == "shards-missing");
    CHECK(m["scenarios"][0]["stats"]["bound_message"].get<std::string>().find("shard 1 of 3") != std::string::npos);
    // The same shard twice, or a report that is not a shard's, is a usage error.
    CHECK(run_lockstep("merge " + shell_quote(a) + " " + shell_quote(a)).code == 2);
    std::string plain = write_temp("split_plain.json", check(path, ""));
    auto bad = run_lockstep("merge " + shell_quote(plain));
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--shard") != std::string::npos);
}

TEST_CASE("--shard and --jobs flags are validated", "[cli][split][usage]") {
    std::string path = write_temp("split_flags.go", k_locked);
    for (const char* flags : {"--shard 3/3", "--shard 1", "--shard a/b", "--shard 0/0", "--jobs 2 --strategy random"}) {
        INFO(flags);
        auto r = run_lockstep(std::string("check ") + flags + " " + shell_quote(path));
        CHECK(r.code == 2);
    }
}
