// JSON rendering with nlohmann::json. Key order follows SPEC §5 (ordered_json) so the
// document reads like the spec's example and golden files stay stable.
#include "reports/json_report.hpp"

#include <algorithm>

#include "reports/report_model.hpp"
#include "reports/shard_json.hpp"

namespace lockstep::reports {

using ojson = nlohmann::ordered_json;
using checker::Bug;
using checker::ScenarioResult;

namespace {

ojson location(const checker::Location& loc) {
    ojson j;
    j["file"] = loc.file;
    j["line"] = loc.line;
    j["column"] = loc.column;
    return j;
}

// Ascending goroutine ids as [first, last] runs: 3..999 is one pair, not 997 numbers.
ojson id_ranges(const std::vector<uint32_t>& ids) {
    ojson out = ojson::array();
    for (size_t i = 0; i < ids.size();) {
        size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
        out.push_back(ojson::array({ids[i], ids[j]}));
        i = j + 1;
    }
    return out;
}

ojson step_json(const checker::TraceStep& s) {
    ojson sj;
    sj["step"] = s.step;
    sj["goroutine"] = s.goroutine;
    sj["op"] = s.op;
    sj["object"] = s.object ? ojson(*s.object) : ojson(nullptr);
    sj["location"] = location(s.location);
    sj["source"] = s.source;
    sj["value"] = s.value ? ojson(*s.value) : ojson(nullptr);
    if (s.decisive) {
        sj["decisive"] = true;
        sj["note"] = s.note;
    }
    return sj;
}

ojson bug_json(const Bug& bug, bool full_trace) {
    ojson j;
    j["kind"] = std::string(checker::bug_kind_id(bug.kind()));
    j["severity"] = std::string(checker::severity_name(bug.severity));
    j["message"] = bug.message;
    j["location"] = location(bug.location);
    ojson gs = ojson::array();
    for (const auto& g : bug.goroutines) {
        ojson gj;
        gj["id"] = g.id;
        gj["name"] = g.name;
        gj["created_at"] = g.created_at ? location(*g.created_at) : ojson(nullptr);
        gs.push_back(std::move(gj));
    }
    j["goroutines"] = std::move(gs);
    j["schedule"] = bug.schedule;
    j["preemptions"] = bug.preemptions;
    j["output"] = bug.output;
    // The steps of the goroutines shown (every step with full_trace), then the others'
    // one-line summaries, as the text report folds them.
    BugView view = make_bug_view(bug, full_trace);
    j["trace_steps"] = bug.trace.size();
    ojson trace = ojson::array();
    for (size_t i : view.rows) trace.push_back(step_json(bug.trace[i]));
    j["trace"] = std::move(trace);
    ojson lanes = ojson::array();
    for (const Lane& l : view.lanes) {
        ojson lj;
        lj["id"] = l.ref.id;
        lj["name"] = l.ref.name;
        lj["finished"] = l.ref.finished;
        lj["involved"] = l.involved;
        lanes.push_back(std::move(lj));
    }
    j["lanes"] = std::move(lanes);
    ojson folded = ojson::array();
    for (const FoldedGroup& g : view.folded) {
        ojson fj;
        fj["function"] = g.function;
        fj["finished"] = g.finished;
        fj["goroutines"] = g.ids.size();
        fj["ids"] = id_ranges(g.ids);
        fj["steps"] = g.steps;
        fj["first_step"] = g.first_step;
        fj["last_step"] = g.last_step;
        fj["summary"] = folded_summary(g, "…", "–");
        folded.push_back(std::move(fj));
    }
    j["folded"] = std::move(folded);
    return j;
}

ojson scenario_json(const ScenarioResult& r, bool full_trace) {
    ojson j;
    j["file"] = r.file;
    j["entry"] = r.entry;
    j["verdict"] = std::string(checker::verdict_name(r.verdict));
    ojson stats;
    stats["strategy"] = r.stats.strategy;
    stats["executions"] = r.stats.executions;
    stats["steps"] = r.stats.steps;
    stats["seconds"] = r.stats.seconds;
    stats["complete"] = r.stats.complete;
    stats["bound"] = r.stats.bound ? ojson(*r.stats.bound) : ojson(nullptr);
    if (!r.stats.bound_message.empty()) stats["bound_message"] = r.stats.bound_message;
    if (r.stats.covered_preemptions) stats["covered_preemptions"] = *r.stats.covered_preemptions;
    j["stats"] = std::move(stats);
    ojson bugs = ojson::array();
    for (const auto& b : r.bugs) bugs.push_back(bug_json(b, full_trace));
    j["bugs"] = std::move(bugs);
    j["outcomes"] = r.outcomes;
    // How many orders of its prints each outcome stands for (0: too many prints to count).
    if (!r.outcome_orders.empty()) {
        ojson orders = ojson::array();
        for (const auto& o : r.outcome_orders) orders.push_back(o.orders());
        j["outcome_orders"] = std::move(orders);
    }
    if (r.expected) {
        ojson e;
        e["kinds"] = *r.expected;
        e["met"] = r.expectation_met;
        j["expected"] = std::move(e);
    } else {
        j["expected"] = nullptr;
    }
    if (r.verdict == checker::Verdict::Error) j["error"] = r.error;
    // --shard: what `lockstep merge` needs (docs/scale-out.md).
    if (r.shard) j["shard"] = shard_to_json(*r.shard);
    return j;
}

ojson report_json(const std::vector<ScenarioResult>& results, const JsonOptions& options, std::string_view version) {
    ojson j;
    j["tool"]["name"] = "lockstep";
    j["tool"]["version"] = std::string(version);
    ojson scenarios = ojson::array();
    for (const auto& r : results) scenarios.push_back(scenario_json(r, options.full_trace));
    j["scenarios"] = std::move(scenarios);
    return j;
}

}  // namespace

ojson bug_to_json(const Bug& bug, const JsonOptions& options) { return bug_json(bug, options.full_trace); }
ojson scenario_to_json(const ScenarioResult& result, const JsonOptions& options) { return scenario_json(result, options.full_trace); }
ojson report_to_json(const std::vector<ScenarioResult>& results, const JsonOptions& options, std::string_view version) {
    return report_json(results, options, version);
}

std::string render_trace_json(const std::vector<ScenarioResult>& results, std::string_view version) {
    ojson j;
    j["tool"]["name"] = "lockstep";
    j["tool"]["version"] = std::string(version);
    ojson scenarios = ojson::array();
    for (const auto& r : results) {
        ojson sj;
        sj["file"] = r.file;
        sj["entry"] = r.entry;
        ojson bugs = ojson::array();
        for (const auto& b : r.bugs) bugs.push_back(bug_json(b, true));
        sj["bugs"] = std::move(bugs);
        scenarios.push_back(std::move(sj));
    }
    j["scenarios"] = std::move(scenarios);
    return j.dump(2) + "\n";
}

std::string render_json(const std::vector<ScenarioResult>& results, const JsonOptions& options, std::string_view version) {
    return report_json(results, options, version).dump(2) + "\n";
}

}  // namespace lockstep::reports
