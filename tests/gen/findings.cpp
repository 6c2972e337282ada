#include "findings.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::gen_test {

namespace fs = std::filesystem;

long env_long(const char* name, long fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atol(v) : fallback;
}

std::string write_finding(const std::string& name, const std::string& header, const std::string& source) {
    const char* env = std::getenv("LOCKSTEP_GEN_FINDINGS");
    fs::path dir = env && *env ? fs::path(env) : fs::path(LOCKSTEP_BINARY).parent_path() / "gen-findings";
    fs::create_directories(dir);
    fs::path path = dir / (name + ".go");
    std::ostringstream text;
    std::istringstream lines(header);
    std::string line;
    while (std::getline(lines, line)) text << "// " << line << "\n";
    text << source;
    std::ofstream(path, std::ios::binary) << text.str();
    return path.string();
}

}  // namespace lockstep::gen_test
