// Inputs that once crashed, hung or tripped a sanitizer (found by fuzzing or by the hostile
// corpus), kept in tests/hostile/regressions/: each must now get a verdict. docs/fuzzing.md
// says what each one did.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "guarded_run.hpp"

using namespace lockstep::hostile;

TEST_CASE("recorded regressions get a verdict", "[hostile][binary][regression]") {
    std::filesystem::path dir = std::filesystem::path(LOCKSTEP_SOURCE_DIR) / "tests/hostile/regressions";
    std::vector<std::string> files;
    if (std::filesystem::is_directory(dir))
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".go") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        Ending e = run_guarded("check --no-progress --time-budget 2s --executions 50 --max-steps 2000 " +
                               shell_quote(file));
        INFO(file << ": " << e.describe());
        CHECK(e.is_verdict());
    }
}
