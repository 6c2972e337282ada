// The scenario suite, driven by the //lockstep:expect lines: every .go file under
// scenarios/ and tests/scenarios/ must check with exit 0, i.e. its findings are exactly
// the kinds its expect line names.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> scenario_files() {
    std::vector<std::string> files;
    for (const char* dir : {"scenarios", "tests/scenarios"}) {
        fs::path root = fs::path(LOCKSTEP_SOURCE_DIR) / dir;
        if (!fs::exists(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && entry.path().extension() == ".go") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}
}  // namespace

TEST_CASE("every scenario's findings match its //lockstep:expect line", "[cli][scenarios]") {
    auto files = scenario_files();
    REQUIRE(!files.empty());
    for (const auto& file : files) {
        DYNAMIC_SECTION(fs::relative(file, LOCKSTEP_SOURCE_DIR).string()) {
            Ran r = run_lockstep("check --no-progress --color never " + shell_quote(file));
            INFO(r.out << r.err);
            CHECK(r.code == 0);
        }
    }
}
