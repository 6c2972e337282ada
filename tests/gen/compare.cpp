#include "compare.hpp"

#include <set>

#include "tests/differential/outcome.hpp"

namespace lockstep::gen_test {

namespace {

using differential::lines_sorted;
using differential::literal;

std::string join(const std::set<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return "{" + out + "}";
}

std::set<std::string> line_sets(const LockstepResult& r) {
    std::set<std::string> out;
    for (const auto& o : r.outcomes) out.insert(literal(lines_sorted(o)));
    return out;
}

bool has_any(const LockstepResult& r, const std::vector<std::string>& kinds) {
    for (const auto& k : kinds)
        if (r.has_kind(k)) return true;
    return false;
}

}  // namespace

std::string lockstep_failure(const BatchResult& r) {
    if (!r.result.parse_error.empty())
        return "lockstep gave no report (" + r.result.parse_error + "): " + r.result.stderr_text.substr(0, 300);
    if (r.result.verdict == "error") return "lockstep rejected a program go build accepts: " + r.error;
    return "";
}

std::string compare_dpor_naive(const BatchResult& dpor, const BatchResult& naive, bool* skipped) {
    *skipped = false;
    if (auto f = lockstep_failure(dpor); !f.empty()) return "dpor: " + f;
    if (auto f = lockstep_failure(naive); !f.empty()) return "naive: " + f;
    if (!naive.result.complete) {
        *skipped = true;
        return "";
    }
    if (!dpor.result.complete)
        return "dpor's search stopped (" + dpor.result.bound + ") where naive's was complete after " +
               std::to_string(naive.executions) + " executions";
    std::set<std::string> kd(dpor.result.kinds.begin(), dpor.result.kinds.end());
    std::set<std::string> kn(naive.result.kinds.begin(), naive.result.kinds.end());
    if (kd != kn) return "bug kinds differ: dpor " + join(kd) + ", naive " + join(kn);
    if (dpor.result.outcomes_capped || naive.result.outcomes_capped) return "";
    auto od = line_sets(dpor.result), on = line_sets(naive.result);
    if (od != on) {
        std::set<std::string> only_naive, only_dpor;
        for (const auto& o : on)
            if (!od.count(o)) only_naive.insert(o);
        for (const auto& o : od)
            if (!on.count(o)) only_dpor.insert(o);
        return "outcomes differ: only naive " + join(only_naive) + "; only dpor " + join(only_dpor);
    }
    return "";
}

std::string compare_go(const differential::GoObservation& go, const LockstepResult& dpor) {
    using differential::GoMode;
    if (!go.build_error.empty()) return "go build rejected a generated program: " + go.build_error;
    std::set<std::string> outcomes;
    for (const auto& o : dpor.outcomes) outcomes.insert(lines_sorted(o));
    for (const auto& run : go.runs) {
        std::string where = std::string(" (go ") + differential::mode_name(run.mode) + ", GOMAXPROCS=" +
                            std::to_string(run.procs) + ")";
        if (run.timed_out) {
            if (run.mode == GoMode::Plain && !has_any(dpor, {"deadlock", "goroutine-leak", "livelock", "recursive-lock"}))
                return "Go hung" + where + " and lockstep reports no deadlock, leak or livelock";
            continue;  // a deadlock under -race never ends (golang/go#20588)
        }
        if (!run.crash.empty() && !has_any(dpor, differential::kinds_for_crash(run.crash)))
            return "Go crashed with " + literal(run.crash) + where + " and lockstep reports none of its kinds";
        if (run.race_reported && !has_any(dpor, differential::kinds_for_race(run.race_in_waitgroup ? differential::RaceIn::WaitGroup : differential::RaceIn::Program)))
            return "Go's race detector reported a race" + where + " and lockstep reports none";
        if (dpor.outcomes_exhaustive() && !outcomes.count(lines_sorted(run.outcome)))
            return "Go printed an outcome lockstep never explored" + where + ": " + literal(run.outcome);
    }
    return "";
}

}  // namespace lockstep::gen_test
