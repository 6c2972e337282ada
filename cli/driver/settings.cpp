// Validation of command-line settings, with messages that say what would be accepted.
#include "cli/driver/settings.hpp"

#include <charconv>

#include "cli/driver/duration.hpp"

#include "cli/driver/go_version.hpp"

namespace lockstep::cli {

namespace {

template <class T> std::optional<T> parse_uint(const std::string& text) {
    if (text.empty() || text[0] == '+') return std::nullopt;
    T value{};
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string need_positive(std::string_view flag, const std::string& value) {
    return std::string(flag) + " must be a positive integer, not \"" + value + "\"";
}

}  // namespace

std::string_view strategy_name(StrategyName s) {
    switch (s) {
    case StrategyName::Dpor: return "dpor";
    case StrategyName::Naive: return "naive";
    case StrategyName::Random: return "random";
    case StrategyName::Pct: return "pct";
    }
    return "dpor";
}

std::variant<Settings, std::string> make_settings(const RawFlags& raw) {
    Settings s;
    if (raw.strategy == "dpor") s.strategy = StrategyName::Dpor;
    else if (raw.strategy == "naive") s.strategy = StrategyName::Naive;
    else if (raw.strategy == "random") s.strategy = StrategyName::Random;
    else if (raw.strategy == "pct") s.strategy = StrategyName::Pct;
    else return "unknown strategy \"" + raw.strategy + "\" (--strategy dpor|random|pct|naive)";

    if (!raw.executions.empty()) {
        auto n = parse_uint<uint64_t>(raw.executions);
        if (!n || *n == 0) return need_positive("--executions", raw.executions);
        s.executions = n;
    }
    if (!raw.time_budget.empty()) {
        auto d = parse_duration(raw.time_budget);
        if (auto* err = std::get_if<std::string>(&d)) return "--time-budget: " + *err;
        s.time_budget_seconds = std::get<double>(d);
    }
    if (!raw.preemptions.empty()) {
        // 0 is meaningful: only schedules without preemptions.
        auto n = parse_uint<uint32_t>(raw.preemptions);
        if (!n) return "--preemptions must be a non-negative integer, not \"" + raw.preemptions + "\"";
        s.preemptions = n;
    }
    if (!raw.max_steps.empty()) {
        auto n = parse_uint<uint64_t>(raw.max_steps);
        if (!n || *n == 0) return need_positive("--max-steps", raw.max_steps);
        s.max_steps = *n;
        s.max_steps_set = true;
    }
    if (!raw.seed.empty()) {
        auto n = parse_uint<uint64_t>(raw.seed);
        if (!n) return "--seed must be a non-negative integer, not \"" + raw.seed + "\"";
        s.seed = *n;
    }
    if (!raw.pct_depth.empty()) {
        auto n = parse_uint<uint32_t>(raw.pct_depth);
        if (!n || *n == 0) return need_positive("--pct-depth", raw.pct_depth);
        if (*n > 64) return "--pct-depth " + raw.pct_depth + " is too deep (PCT depths are small: 1 to 64; 3 finds most bugs)";
        s.pct_depth = *n;
    }
    if (!raw.rand_choices.empty()) {
        auto n = parse_uint<uint32_t>(raw.rand_choices);
        if (!n || *n == 0) return need_positive("--rand-choices", raw.rand_choices);
        if (*n > 1024) return "--rand-choices " + raw.rand_choices + " is too many (every value of each draw is an alternative: 2 to 1024)";
        s.rand_choices = *n;
    }
    s.all = raw.all;
    s.symmetry = !raw.no_symmetry;
    if (!raw.jobs.empty()) {
        auto n = parse_uint<uint32_t>(raw.jobs);
        if (!n || *n == 0) return need_positive("--jobs", raw.jobs);
        if (*n > 1024) return "--jobs " + raw.jobs + " is more workers than any machine has";
        s.jobs = *n;
        s.split = true;
    }
    if (!raw.shard.empty()) {
        auto slash = raw.shard.find('/');
        auto bad = [&] { return "--shard must be i/n with 0 <= i < n (shard 0/4 is the first of four), not \"" + raw.shard + "\""; };
        if (slash == std::string::npos) return bad();
        auto i = parse_uint<uint32_t>(raw.shard.substr(0, slash));
        auto n = parse_uint<uint32_t>(raw.shard.substr(slash + 1));
        if (!i || !n || *n == 0 || *i >= *n) return bad();
        if (*n > 100000) return "--shard " + raw.shard + ": more shards than a search has subtrees to give them";
        s.shard_index = *i;
        s.shard_count = *n;
        s.sharded = true;
        s.split = true;
    }
    if (s.split && (s.strategy == StrategyName::Random || s.strategy == StrategyName::Pct))
        return std::string(raw.shard.empty() ? "--jobs" : "--shard") + " splits an exhaustive search: use it with --strategy dpor or naive, not " + raw.strategy;
    if (!raw.lang.empty()) {
        auto minor = parse_lang_version(raw.lang);
        if (!minor) return "--lang: \"" + raw.lang + "\" is not a Go language version (--lang go1.19, go1.22, ...)";
        s.lang_minor = *minor;
    }
    if (raw.time == "strict")
        return "--time strict is not supported yet: lockstep runs with free time (time.Sleep is a scheduling point only)";
    if (raw.time != "free") return "unknown --time \"" + raw.time + "\" (--time free|strict)";
    if (raw.format == "text") s.format = ReportFormat::Text;
    else if (raw.format == "json") s.format = ReportFormat::Json;
    else if (raw.format == "sarif") s.format = ReportFormat::Sarif;
    else if (raw.format == "html") s.format = ReportFormat::Html;
    else return "unknown --format \"" + raw.format + "\" (--format text|json|sarif|html)";
    s.output = raw.output;
    s.full_trace = raw.full_trace;
    s.save_trace = raw.save_trace;
    if (raw.color == "auto") s.color = ColorMode::Auto;
    else if (raw.color == "always") s.color = ColorMode::Always;
    else if (raw.color == "never") s.color = ColorMode::Never;
    else return "unknown --color \"" + raw.color + "\" (--color auto|always|never)";
    s.progress = !raw.no_progress && !raw.quiet;
    s.quiet = raw.quiet;
    s.outcome_file = raw.outcome;
    return s;
}

}  // namespace lockstep::cli
