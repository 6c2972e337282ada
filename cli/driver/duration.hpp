// Durations on the command line and in //lockstep:bound, written as Go writes them
// (time.ParseDuration): "30s", "2m", "500ms", "1h", "1m30s", "1.5s".
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace lockstep::cli {

// Seconds, or an error message saying what is wrong with `text`. Zero and negative
// durations are errors: a budget of nothing is never what the user meant.
std::variant<double, std::string> parse_duration(std::string_view text);

}  // namespace lockstep::cli
