// LOCKSTEP_ASSERT and lockstep::InternalError: a broken invariant of lockstep itself (the
// third tier of error, after user diagnostics and scenario bugs). The driver maps it to
// "internal error: ..." and exit code 3. Lives in lang/ because lang is the lowest module,
// so every module can use it.
#pragma once

#include <stdexcept>
#include <string>

namespace lockstep {

// Never thrown for a user's mistake (that is lang::DiagnosticError) nor for a bug in the
// scenario (that is a checker::Bug): only for lockstep's own broken invariants.
class InternalError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

namespace detail {
[[noreturn]] inline void assertion_failed(const char* file, int line, const char* cond, const std::string& msg) {
    std::string text = std::string(file) + ":" + std::to_string(line) + ": assertion `" + cond + "` failed";
    if (!msg.empty()) text += ": " + msg;
    throw InternalError(text);
}
}  // namespace detail

}  // namespace lockstep

// The message is only built when the condition fails, so this is cheap on hot paths.
#define LOCKSTEP_ASSERT(cond, msg)                                                          \
    do {                                                                                    \
        if (!(cond)) [[unlikely]]                                                           \
            ::lockstep::detail::assertion_failed(__FILE__, __LINE__, #cond, (msg));         \
    } while (0)
