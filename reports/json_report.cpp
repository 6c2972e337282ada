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

ojson bug_json(const Bug& bug) {
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
    ojson trace = ojson::array();
    for (const auto& s : bug.trace) {
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
        trace.push_back(std::move(sj));
    }
    j["trace"] = std::move(trace);
    // Every goroutine with a step, and whether the text report gives it a lane.
    BugView view = make_bug_view(bug, false);
    ojson lanes = ojson::array();
    for (const auto& ref : bug.lanes) {
        ojson lj;
        lj["id"] = ref.id;
        lj["name"] = ref.name;
        lj["finished"] = ref.finished;
        lj["involved"] = std::any_of(view.lanes.begin(), view.lanes.end(), [&](const Lane& l) { return l.ref.id == ref.id && l.involved; });
        lanes.push_back(std::move(lj));
    }
    j["lanes"] = std::move(lanes);
    return j;
}

ojson scenario_json(const ScenarioResult& r) {
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
    j["stats"] = std::move(stats);
    ojson bugs = ojson::array();
    for (const auto& b : r.bugs) bugs.push_back(bug_json(b));
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

ojson report_json(const std::vector<ScenarioResult>& results, std::string_view version) {
    ojson j;
    j["tool"]["name"] = "lockstep";
    j["tool"]["version"] = std::string(version);
    ojson scenarios = ojson::array();
    for (const auto& r : results) scenarios.push_back(scenario_json(r));
    j["scenarios"] = std::move(scenarios);
    return j;
}

}  // namespace

ojson bug_to_json(const Bug& bug) { return bug_json(bug); }
ojson scenario_to_json(const ScenarioResult& result) { return scenario_json(result); }
ojson report_to_json(const std::vector<ScenarioResult>& results, std::string_view version) {
    return report_json(results, version);
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
        for (const auto& b : r.bugs) bugs.push_back(bug_json(b));
        sj["bugs"] = std::move(bugs);
        scenarios.push_back(std::move(sj));
    }
    j["scenarios"] = std::move(scenarios);
    return j.dump(2) + "\n";
}

std::string render_json(const std::vector<ScenarioResult>& results, std::string_view version) {
    return report_json(results, version).dump(2) + "\n";
}

}  // namespace lockstep::reports
