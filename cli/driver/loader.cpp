// Scenario discovery and loading through std::filesystem.
#include "cli/driver/loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "lang/diagnostic.hpp"

namespace lockstep::cli {

namespace fs = std::filesystem;

namespace {
[[noreturn]] void fail(const std::string& message) {
    throw lang::DiagnosticError(lang::Diagnostic{nullptr, {}, message});
}
}  // namespace

std::vector<std::string> collect_scenario_files(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    std::vector<lang::Diagnostic> problems;
    for (const auto& path : paths) {
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            problems.push_back({nullptr, {}, path + ": no such file or directory"});
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<std::string> found;
            fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                if (it->is_regular_file(ec) && it->path().extension() == ".go") found.push_back(it->path().string());
            }
            if (ec) {
                problems.push_back({nullptr, {}, path + ": cannot read directory: " + ec.message()});
                continue;
            }
            if (found.empty()) {
                problems.push_back({nullptr, {}, path + ": no .go files in directory"});
                continue;
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(path);
        }
    }
    if (!problems.empty()) throw lang::DiagnosticError(std::move(problems));
    return files;
}

std::unique_ptr<lang::SourceFile> load_source(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) fail(path + ": is a directory, not a .go file");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path + ": cannot open file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) fail(path + ": read error");
    return std::make_unique<lang::SourceFile>(path, text.str());
}

}  // namespace lockstep::cli
