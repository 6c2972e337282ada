// Generators of the hostile corpus; deterministic, so a failure names a reproducible input.
#include "hostile_inputs.hpp"

#include <algorithm>
#include <filesystem>

namespace lockstep::hostile {

namespace fs = std::filesystem;

uint64_t Rng::next() {
    uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::string random_bytes(uint64_t seed, size_t size) {
    Rng rng(seed);
    std::string s(size, '\0');
    for (char& c : s) c = static_cast<char>(rng.next() & 0xff);
    return s;
}

std::string nested_expression(int depth) {
    return "package main\n\nfunc main() {\n\tx := " + std::string(depth, '(') + "1" + std::string(depth, ')') +
           "\n\t_ = x\n}\n";
}

std::string nested_blocks(int depth) {
    return "package main\n\nfunc main() {\n\t" + std::string(depth, '{') + std::string(depth, '}') + "\n}\n";
}

std::string long_chain(const std::string& head, const std::string& link, int links) {
    std::string s = "package main\n\nfunc main() {\n\tx := " + head;
    for (int i = 0; i < links; ++i) s += link;
    return s + "\n\t_ = x\n}\n";
}

std::vector<std::string> scenario_paths() {
    std::vector<std::string> paths;
    for (const char* dir : {"scenarios", "tests/scenarios"}) {
        fs::path root = fs::path(LOCKSTEP_SOURCE_DIR) / dir;
        if (!fs::is_directory(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && entry.path().extension() == ".go") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::vector<std::string> truncations(const std::string& text, size_t step) {
    std::vector<std::string> out;
    for (size_t n = 0; n < text.size(); n += step) out.push_back(text.substr(0, n));
    return out;
}

std::string mutate_bytes(const std::string& text, Rng& rng) {
    std::string s = text;
    size_t edits = 1 + rng.below(4);
    for (size_t i = 0; i < edits; ++i) {
        size_t at = rng.below(s.size() + 1);
        char byte = static_cast<char>(rng.next() & 0xff);
        // Half of the new bytes come from Go's punctuation, which breaks structure in more
        // interesting ways than random high bytes do.
        static const std::string punct = "{}()[];:=.,*&<-!\"'`/\n\t 0x_";
        if (rng.below(2) == 0) byte = punct[rng.below(punct.size())];
        switch (rng.below(3)) {
        case 0:
            if (at < s.size()) s[at] = byte;
            else s.push_back(byte);
            break;
        case 1:
            s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), byte);
            break;
        default:
            if (at < s.size()) s.erase(at, 1);
            break;
        }
    }
    return s;
}

std::string drop_line(const std::string& text, Rng& rng) {
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
    size_t k = rng.below(starts.size());
    size_t begin = starts[k];
    size_t end = text.find('\n', begin);
    end = end == std::string::npos ? text.size() : end + 1;
    return text.substr(0, begin) + text.substr(end);
}

}  // namespace lockstep::hostile
