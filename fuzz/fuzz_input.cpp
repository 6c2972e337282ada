// Shared by the fuzz targets: bytes to a source file, and the sanity of diagnostics.
#include "fuzz/fuzz_input.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace lockstep::fuzz {

void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz finding: %s: %s\n", what, detail.c_str());
    std::abort();
}

lang::SourceFile source_of(const uint8_t* data, size_t size) {
    return lang::SourceFile("fuzz.go", std::string(reinterpret_cast<const char*>(data), size));
}

void expect_well_formed(const lang::DiagnosticError& error, const lang::SourceFile& src) {
    if (error.diagnostics().empty()) finding("DiagnosticError without a diagnostic", error.what());
    for (const lang::Diagnostic& d : error.diagnostics()) {
        std::string text = d.render();
        if (d.message.empty()) finding("diagnostic without a message", text);
        // Positions may point one line past the last (Go reports EOF there when the file
        // ends in a newline), but never further.
        if (d.pos.valid() && d.file == &src && d.pos.line > src.line_count() + 1)
            finding("diagnostic past the end of the file", text);
    }
}

}  // namespace lockstep::fuzz
