// The merge of shard reports: read each shard section back, fold the subtree records of
// every shard by the rule the split search uses (checker/split_fold.hpp), and take each
// bug's counterexample from the shard that explored its subtree.
#include "cli/driver/merge.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checker/split_fold.hpp"
#include "cli/driver/directives.hpp"
#include "reports/json_report.hpp"
#include "reports/shard_json.hpp"

namespace lockstep::cli {

namespace {

using ojson = nlohmann::ordered_json;

struct Input {
    std::string path;
    ojson doc;
};

struct MergeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string list(const std::vector<uint32_t>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
    return out;
}

bool same_rules(const checker::FoldRules& a, const checker::FoldRules& b) {
    return a.all == b.all && a.expected_kinds == b.expected_kinds && a.target == b.target && a.max_executions == b.max_executions &&
           a.max_outcomes == b.max_outcomes;
}

// One scenario (position s of every document) merged.
ojson merge_scenario(const std::vector<Input>& inputs, size_t s, checker::ScenarioResult& summary) {
    std::vector<const ojson*> scen;
    std::vector<reports::ShardSection> sections;
    for (const Input& in : inputs) {
        const ojson& sj = in.doc.at("scenarios").at(s);
        scen.push_back(&sj);
        if (sj.value("verdict", "") == "error") {
            // The scenario did not compile in that shard: it does not in any.
            summary.file = sj.value("file", "");
            summary.entry = sj.value("entry", "main");
            summary.verdict = checker::Verdict::Error;
            return sj;
        }
        if (!sj.contains("shard")) throw MergeError(in.path + ": scenario " + sj.value("file", "?") + " has no shard section (was it checked with --shard i/n?)");
        try {
            sections.push_back(reports::shard_from_json(sj.at("shard")));
        } catch (const std::exception& e) {
            throw MergeError(in.path + ": malformed shard section: " + e.what());
        }
    }
    const ojson& first = *scen[0];
    const checker::ShardInfo& info0 = sections[0].info;
    std::vector<const checker::SubtreeRecord*> records(info0.subtrees, nullptr);
    std::vector<bool> have(info0.count, false);
    for (size_t i = 0; i < inputs.size(); ++i) {
        const ojson& sj = *scen[i];
        const checker::ShardInfo& info = sections[i].info;
        if (sj.value("file", "") != first.value("file", "") || sj.value("entry", "") != first.value("entry", ""))
            throw MergeError(inputs[i].path + ": scenario " + std::to_string(s + 1) + " is " + sj.value("file", "?") + ", not " + first.value("file", "?") + " as in " + inputs[0].path);
        if (info.count != info0.count || info.subtrees != info0.subtrees || info.depth != info0.depth || !same_rules(info.rules, info0.rules))
            throw MergeError(inputs[i].path + ": not a shard of the same search as " + inputs[0].path + " (shard counts, split or bounds differ)");
        if (have[info.index]) throw MergeError(inputs[i].path + ": shard " + std::to_string(info.index) + "/" + std::to_string(info.count) + " is given twice");
        have[info.index] = true;
        for (const auto& r : info.records) {
            if (r.index >= info0.subtrees || r.index % info.count != info.index) throw MergeError(inputs[i].path + ": a subtree record outside its shard");
            records[r.index] = &r;
        }
    }
    std::vector<uint32_t> wanted(info0.subtrees);
    for (uint32_t k = 0; k < info0.subtrees; ++k) wanted[k] = k;
    bool plan_bound = false;
    for (const auto& sec : sections) plan_bound |= sec.info.plan_bound_hit;
    checker::Fold f = checker::fold_subtrees(wanted, records, plan_bound, info0.rules);
    std::vector<uint32_t> missing_shards;
    for (uint32_t i = 0; i < info0.count; ++i)
        if (!have[i]) missing_shards.push_back(i);

    checker::ScenarioResult& r = summary;
    r.file = first.value("file", "");
    r.entry = first.value("entry", "main");
    r.stats.strategy = first.at("stats").value("strategy", "");
    r.stats.executions = f.executions;
    r.stats.steps = f.steps;
    r.stats.sleep_blocked = f.sleep_blocked;
    for (const ojson* sj : scen) r.stats.seconds += sj->at("stats").value("seconds", 0.0);
    r.stats.bound = f.bound;
    r.stats.bound_message = f.bound_message;
    r.stats.complete = f.complete;
    if (!missing_shards.empty() && (!f.stopped_at || std::any_of(f.missing.begin(), f.missing.end(), [&](uint32_t k) { return k < *f.stopped_at; }))) {
        r.stats.complete = false;
        r.stats.bound = "shards-missing";
        r.stats.bound_message = fmt::format("shard{} {} of {} missing: {} of the search's {} subtrees were not explored", missing_shards.size() > 1 ? "s" : "",
                                            list(missing_shards), info0.count, f.missing.size(), info0.subtrees);
    }
    for (auto& o : f.outcomes) {
        r.outcomes.push_back(o.representative());
        r.outcome_orders.push_back(std::move(o));
    }
    // The bugs: each from the shard that explored its subtree, then the static findings.
    ojson bugs = ojson::array();
    bool error_bug = false;
    for (const checker::FoldedBug& b : f.bugs) {
        const ojson* found = nullptr;
        for (const auto& sec : sections)
            for (size_t c = 0; c < sec.info.candidates.size(); ++c)
                if (sec.info.candidates[c].subtree == b.subtree && sec.info.candidates[c].identity == b.bug.identity) found = &sec.candidate_bugs[c];
        if (!found) throw MergeError("no shard report has the counterexample of subtree " + std::to_string(b.subtree) + " (were the reports edited?)");
        bugs.push_back(*found);
        checker::Bug brief;
        brief.kind_index = b.bug.kind_index;
        brief.severity = checker::bug_kind_severity(static_cast<checker::BugKind>(b.bug.kind_index));
        error_bug |= brief.severity == checker::Severity::Error;
        r.bugs.push_back(brief);
    }
    const ojson& first_bugs = first.at("bugs");
    for (size_t i = first_bugs.size() - std::min<size_t>(info0.static_bugs, first_bugs.size()); i < first_bugs.size(); ++i) {
        bugs.push_back(first_bugs[i]);
        checker::Bug brief;
        auto kind = checker::bug_kind_from_id(first_bugs[i].value("kind", ""));
        if (!kind) throw MergeError(inputs[0].path + ": a bug of unknown kind");
        brief.kind_index = static_cast<uint32_t>(*kind);
        brief.severity = checker::bug_kind_severity(*kind);
        r.bugs.push_back(brief);
    }
    if (error_bug) r.verdict = checker::Verdict::Bug;
    else if (r.stats.complete) r.verdict = checker::Verdict::Verified;
    else r.verdict = checker::Verdict::Bounded;
    if (first.contains("expected") && first.at("expected").is_object()) {
        std::vector<checker::BugKind> kinds;
        for (const auto& k : first.at("expected").at("kinds")) kinds.push_back(*checker::bug_kind_from_id(k.get<std::string>()));
        r.expected = kind_ids(kinds);
        r.expectation_met = expectation_met(kinds, r.bugs);
    }
    checker::ScenarioResult shown = r;
    shown.bugs.clear();
    ojson out = reports::scenario_to_json(shown);
    out["bugs"] = std::move(bugs);
    return out;
}

}  // namespace

ExitCode merge_command(const std::vector<std::string>& files, const std::string& output, bool quiet, Console& console) {
    std::vector<Input> inputs;
    try {
        for (const auto& path : files) {
            std::ifstream in(path, std::ios::binary);
            if (!in) throw MergeError(path + ": cannot read the file");
            Input input{path, {}};
            try {
                input.doc = ojson::parse(in);
            } catch (const nlohmann::json::exception& e) {
                throw MergeError(path + ": not a JSON report: " + e.what());
            }
            if (!input.doc.is_object() || !input.doc.contains("scenarios") || !input.doc.at("scenarios").is_array())
                throw MergeError(path + ": not a lockstep JSON report (no \"scenarios\")");
            if (!inputs.empty() && input.doc.at("scenarios").size() != inputs[0].doc.at("scenarios").size())
                throw MergeError(path + ": checks a different number of scenarios than " + inputs[0].path);
            inputs.push_back(std::move(input));
        }
        if (inputs.empty()) throw MergeError("no reports to merge");
        ojson doc;
        doc["tool"] = inputs[0].doc.at("tool");
        ojson scenarios = ojson::array();
        ExitCode code = ExitCode::Ok;
        for (size_t s = 0; s < inputs[0].doc.at("scenarios").size(); ++s) {
            checker::ScenarioResult summary;
            scenarios.push_back(merge_scenario(inputs, s, summary));
            ExitCode c = scenario_exit_code(summary);
            code = worst(code, c);
            if (!quiet || c != ExitCode::Ok) {
                console.err << summary.file << " (" << summary.entry << "): " << checker::verdict_name(summary.verdict);
                if (summary.stats.bound) console.err << " (" << *summary.stats.bound << ")";
                console.err << ", " << summary.stats.executions << " executions\n";
            }
        }
        doc["scenarios"] = std::move(scenarios);
        std::string text = doc.dump(2) + "\n";
        if (output.empty()) {
            console.out << text << std::flush;
        } else {
            std::ofstream out(output, std::ios::binary | std::ios::trunc);
            if (!out) throw MergeError("cannot write the report to " + output);
            out << text;
        }
        return code;
    } catch (const MergeError& e) {
        console.err << "lockstep: merge: " << e.what() << "\n";
        return ExitCode::Usage;
    } catch (const nlohmann::json::exception& e) {
        console.err << "lockstep: merge: a report is malformed: " << e.what() << "\n";
        return ExitCode::Usage;
    }
}

}  // namespace lockstep::cli
