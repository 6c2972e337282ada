// The progress line on stderr during long explorations: executions so far, rate, elapsed.
// Drawn only on a terminal, only once a run has taken a moment, and erased afterwards so
// the report is not interleaved with it.
#pragma once

#include <iosfwd>
#include <string>

#include "checker/explorer.hpp"

namespace lockstep::cli {

class ProgressLine final : public checker::ProgressSink {
public:
    ProgressLine(std::ostream& err, std::string label, size_t width);
    ~ProgressLine() override;
    void progress(const checker::Stats& stats, size_t bugs_found) override;
    // Erase the line if one was drawn.
    void clear();

    // The text of the line (without the carriage return), for tests.
    static std::string format_line(std::string_view label, const checker::Stats& stats, size_t bugs_found, size_t width);

private:
    std::ostream& m_err;
    std::string m_label;
    size_t m_width;
    bool m_drawn = false;
};

}  // namespace lockstep::cli
