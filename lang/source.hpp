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

// A line of one of the files a package source is made of.
struct FileLine {
    const std::string& path;
    uint32_t line;
};

// A file's text and its line table. Lives as long as everything that points into it.
// The source of a package of several files is their texts one after the other (each
// ending in a newline), with a segment per file: positions count lines in the whole
// text, and file_line maps them back to the file they are in.
class SourceFile {
public:
    SourceFile(std::string path, std::string text);
    // A package: `files` are (path, text) pairs in the go tool's order (sorted by name);
    // `path` names the package (its directory).
    // `import_paths`, when given, has one entry per file: the import path of the package
    // it belongs to, "" for the package checked (a program of several packages, its
    // dependencies first).
    static SourceFile package(std::string path, const std::vector<std::pair<std::string, std::string>>& files,
                              const std::vector<std::string>& import_paths = {});
    // The import path of the package `line` belongs to ("" for the package checked).
    const std::string& import_path(uint32_t line) const;
    const std::string& path() const { return m_path; }
    // The file holding `line` and the line's number in it (path() and `line` for one file).
    FileLine file_line(uint32_t line) const;
    // "file:line" and "file:line:col" in the file a position is in.
    std::string where(Pos pos) const;
    std::string where_line(uint32_t line) const;
    // True when `line` is in a later file of a package than line `since` (a file's
    // package clause may follow comments and blank lines).
    bool starts_file(uint32_t line, uint32_t since) const;
    size_t file_count() const { return m_segments.empty() ? 1 : m_segments.size(); }
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
    struct Segment {
        uint32_t first_line;
        std::string path;
        std::string import_path;
    };
    std::vector<Segment> m_segments;  // empty for a single file
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
