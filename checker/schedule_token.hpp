// Schedule tokens: a recorded schedule as compact, URL-safe text. Version "1": the goroutine
// id of every step as a varint, followed by the alternative taken when the step had more
// than one (the decoder learns that by replaying), all in base64url without padding:
// "1.AAEBAgI". The same token always replays the same execution of the same program.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/execution.hpp"

namespace lockstep::checker {

std::string encode_schedule(const std::vector<StepRecord>& steps);

// The raw varints of a token; nullopt if it is malformed or of an unknown version.
std::optional<std::vector<uint64_t>> decode_schedule(std::string_view token);

}  // namespace lockstep::checker
