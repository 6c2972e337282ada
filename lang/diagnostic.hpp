// Diagnostics: a user's mistake in the input, reported at a position like the Go compiler
// does (`file.go:8:25: message`, then the source line and a caret). Exit code 2.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "lang/source.hpp"

namespace lockstep::lang {

struct Diagnostic {
    const SourceFile* file = nullptr;  // null for errors not tied to a file
    Pos pos;
    std::string message;  // "syntax error: unexpected ...", "unsupported: generics ..."

    // `file:line:col: message` then, when the line is known, the source line and a caret.
    std::string render() const;
    // Just the first line, `file:line:col: message`.
    std::string headline() const;
};

// Thrown by the front end at the first error it cannot recover from; carries every
// diagnostic collected so far (at least one).
class DiagnosticError : public std::runtime_error {
public:
    explicit DiagnosticError(std::vector<Diagnostic> diags);
    explicit DiagnosticError(Diagnostic diag) : DiagnosticError(std::vector<Diagnostic>{std::move(diag)}) {}
    const std::vector<Diagnostic>& diagnostics() const { return m_diags; }

private:
    std::vector<Diagnostic> m_diags;
};

}  // namespace lockstep::lang
