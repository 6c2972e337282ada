// Validation of //lockstep:expect and //lockstep:bound. A typo here must be an error, not
// a silently ignored line: an ignored expect would make a scenario pass for the wrong reason.
#include "cli/driver/directives.hpp"

#include <algorithm>
#include <charconv>
#include <variant>

#include "cli/driver/duration.hpp"
#include "lang/assert.hpp"
#include "lang/diagnostic.hpp"
#include "lang/source.hpp"

namespace lockstep::cli {

namespace {

[[noreturn]] void fail(const lang::File& file, lang::Pos pos, std::string message) {
    throw lang::DiagnosticError(lang::Diagnostic{file.source, pos, std::move(message)});
}

std::string known_kinds() {
    std::string out;
    for (int i = 0; i < checker::bug_kind_count; ++i) {
        if (i) out += ", ";
        out += checker::bug_kind_id(static_cast<checker::BugKind>(i));
    }
    return out;
}

template <class T> std::optional<T> parse_positive(std::string_view text) {
    T value{};
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value == 0) return std::nullopt;
    return value;
}

void read_expect(const lang::File& file, const lang::Directive& d, ScenarioDirectives& out) {
    if (out.expected) fail(file, d.pos, "duplicate //lockstep:expect directive (list every kind on one line)");
    if (d.args.empty()) fail(file, d.pos, "//lockstep:expect needs bug kinds or `none`");
    std::vector<checker::BugKind> kinds;
    for (const auto& word : d.args) {
        if (word == "none") {
            if (d.args.size() != 1) fail(file, d.pos, "//lockstep:expect none cannot be combined with bug kinds");
            continue;
        }
        auto kind = checker::bug_kind_from_id(word);
        if (!kind) fail(file, d.pos, "unknown bug kind \"" + word + "\" in //lockstep:expect (known: " + known_kinds() + ", none)");
        if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
    }
    out.expected = std::move(kinds);
}

void read_bound(const lang::File& file, const lang::Directive& d, ScenarioDirectives& out) {
    if (d.args.empty()) fail(file, d.pos, "//lockstep:bound needs key=value pairs (executions, max-steps, preemptions, goroutines, ticks, rand, time-budget)");
    for (const auto& word : d.args) {
        size_t eq = word.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == word.size())
            fail(file, d.pos, "malformed bound \"" + word + "\" in //lockstep:bound (want key=value)");
        std::string key = word.substr(0, eq), value = word.substr(eq + 1);
        auto bad_number = [&] { fail(file, d.pos, "bound " + key + " must be a positive integer, not \"" + value + "\""); };
        if (key == "executions") {
            if (!(out.executions = parse_positive<uint64_t>(value))) bad_number();
        } else if (key == "max-steps") {
            if (!(out.max_steps = parse_positive<uint64_t>(value))) bad_number();
        } else if (key == "goroutines") {
            if (!(out.goroutines = parse_positive<uint32_t>(value))) bad_number();
        } else if (key == "rand") {
            if (!(out.rand = parse_positive<uint32_t>(value))) bad_number();
        } else if (key == "ticks") {
            if (!(out.ticks = parse_positive<uint32_t>(value))) bad_number();
        } else if (key == "preemptions") {
            // Zero preemptions is meaningful (only non-preemptive schedules).
            uint32_t n = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || ptr != value.data() + value.size()) bad_number();
            out.preemptions = n;
        } else if (key == "time-budget") {
            auto parsed = parse_duration(value);
            if (auto* err = std::get_if<std::string>(&parsed)) fail(file, d.pos, *err);
            out.time_budget_seconds = std::get<double>(parsed);
        } else {
            fail(file, d.pos, "unknown bound \"" + key + "\" in //lockstep:bound (known: executions, max-steps, preemptions, goroutines, ticks, rand, time-budget)");
        }
    }
}

}  // namespace

ScenarioDirectives read_directives(const lang::File& file) {
    ScenarioDirectives out;
    for (const auto& d : file.directives) {
        // Only the checked package's own directives count: an imported package's are its
        // own scenario's (checked when that package is), so they are not read here at all.
        if (file.source && !file.source->import_path(d.pos.line).empty()) continue;
        if (d.name == "expect") read_expect(file, d, out);
        else if (d.name == "bound") read_bound(file, d, out);
        else fail(file, d.pos, "unknown directive //lockstep:" + d.name + " (known: expect, bound)");
    }
    return out;
}

bool expectation_met(const std::vector<checker::BugKind>& expected, const std::vector<checker::Bug>& found) {
    std::vector<bool> want(checker::bug_kind_count, false), got(checker::bug_kind_count, false);
    for (auto k : expected) want[static_cast<size_t>(k)] = true;
    for (const auto& b : found) {
        LOCKSTEP_ASSERT(b.kind_index < static_cast<uint32_t>(checker::bug_kind_count), "bug with an unknown kind index");
        got[b.kind_index] = true;
    }
    return want == got;
}

std::vector<std::string> kind_ids(const std::vector<checker::BugKind>& kinds) {
    std::vector<std::string> ids;
    for (auto k : kinds) ids.emplace_back(checker::bug_kind_id(k));
    return ids;
}

}  // namespace lockstep::cli
