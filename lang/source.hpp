// Source files, positions in them, and the lockstep directives found in their comments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep::lang {

// A 1-based line and column (column counts bytes, as Go's compiler does). {0,0} = unknown.
struct Pos {
    uint32_t line = 0;
    uint32_t col = 0;
    bool valid() const { return line != 0; }
    friend bool operator==(Pos, Pos) = default;
    friend auto operator<=>(Pos, Pos) = default;
};

// A file's text and its line table. Lives as long as everything that points into it.
class SourceFile {
public:
    SourceFile(std::string path, std::string text);
    const std::string& path() const { return m_path; }
    const std::string& text() const { return m_text; }
    // The text of 1-based line `line`, without its newline; empty if out of range.
    std::string_view line_text(uint32_t line) const;
    uint32_t line_count() const { return static_cast<uint32_t>(m_line_starts.size()); }
    // Position of a byte offset.
    Pos pos_of(size_t offset) const;

private:
    std::string m_path;
    std::string m_text;
    std::vector<size_t> m_line_starts;
};

// `//lockstep:NAME ARGS...` in a comment.
struct Directive {
    std::string name;               // "expect", "bound", ...
    std::vector<std::string> args;  // whitespace-separated words after the name
    Pos pos;
};

// The `// Output:` or `// Unordered output:` block closing func main (Go's testable
// example convention): the comment lines that follow, with "// " stripped.
struct ExpectedOutput {
    bool unordered = false;
    std::vector<std::string> lines;
    Pos pos;
};

}  // namespace lockstep::lang
