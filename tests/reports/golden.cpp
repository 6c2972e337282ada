// Reads (or, on request, rewrites) tests/reports/golden/NAME.
#include "golden.hpp"

#include <cstdlib>
#include <fstream>

#include "tests/support/process.hpp"

namespace lockstep::reports::testing {

std::string golden(const std::string& name, const std::string& actual) {
    std::string path = std::string(LOCKSTEP_SOURCE_DIR) + "/tests/reports/golden/" + name;
    const char* update = std::getenv("LOCKSTEP_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream out(path, std::ios::binary);
        out << actual;
    }
    return test_support::read_file(path);
}

}  // namespace lockstep::reports::testing
