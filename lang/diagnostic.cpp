// Rendering of diagnostics in the Go compiler's format.
#include "lang/diagnostic.hpp"

#include <fmt/format.h>

namespace lockstep::lang {

std::string Diagnostic::headline() const {
    if (!file) return message;
    if (!pos.valid()) return fmt::format("{}: {}", file->path(), message);
    return fmt::format("{}: {}", file->where(pos), message);
}

std::string Diagnostic::render() const {
    std::string out = headline();
    out += '\n';
    if (file && pos.valid()) {
        std::string_view line = file->line_text(pos.line);
        if (!line.empty()) {
            out += fmt::format("\t{}\n\t", line);
            // Keep tabs in the caret line so it lines up under the source.
            for (uint32_t i = 1; i < pos.col && i <= line.size(); ++i) out += line[i - 1] == '\t' ? '\t' : ' ';
            out += "^\n";
        }
    }
    return out;
}

static std::string first_message(const std::vector<Diagnostic>& diags) {
    return diags.empty() ? std::string("error") : diags.front().headline();
}

DiagnosticError::DiagnosticError(std::vector<Diagnostic> diags)
    : std::runtime_error(first_message(diags)), m_diags(std::move(diags)) {}

}  // namespace lockstep::lang
