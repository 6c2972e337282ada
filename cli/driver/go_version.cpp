// go.mod's `go` directive and --lang.
#include "cli/driver/go_version.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::cli {

namespace fs = std::filesystem;

std::optional<int> parse_lang_version(std::string_view text) {
    if (text.substr(0, 2) == "go") text.remove_prefix(2);
    if (text.substr(0, 2) != "1.") return std::nullopt;
    text.remove_prefix(2);
    size_t i = 0;
    int minor = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i < 2) minor = minor * 10 + (text[i++] - '0');
    if (i == 0) return std::nullopt;
    if (i < text.size()) {  // a patch version: 1.21.0
        if (text[i] != '.' || i + 1 == text.size()) return std::nullopt;
        for (size_t j = i + 1; j < text.size(); ++j)
            if (text[j] < '0' || text[j] > '9') return std::nullopt;
    }
    return minor;
}

namespace {
// The directive `name`'s first word in the go.mod governing `path`: the nearest go.mod
// decides, even without that directive. nullopt without one.
std::optional<std::string> go_mod_directive(const std::string& path, const std::string& name, std::string* where = nullptr) {
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(path), ec);
    if (ec) return std::nullopt;
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    for (; !dir.empty(); dir = dir.parent_path()) {
        fs::path mod = dir / "go.mod";
        if (fs::is_regular_file(mod, ec)) {
            if (where) *where = dir.string();
            std::ifstream in(mod);
            std::string line;
            while (std::getline(in, line)) {
                std::istringstream words(line);
                std::string word, value;
                if (words >> word >> value && word == name) {
                    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
                    return value;
                }
            }
            return std::nullopt;
        }
        if (dir == dir.root_path()) break;
    }
    return std::nullopt;
}
}  // namespace

std::optional<int> go_mod_lang(const std::string& path) {
    auto version = go_mod_directive(path, "go");
    if (!version) return std::nullopt;
    return parse_lang_version(*version);
}

std::string go_mod_module(const std::string& path, std::string* root) {
    return go_mod_directive(path, "module", root).value_or("");
}

}  // namespace lockstep::cli
