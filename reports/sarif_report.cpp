// SARIF rendering with nlohmann::ordered_json, from the same bug views as the text report.
#include "reports/sarif_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "checker/bug_text.hpp"
#include "reports/report_model.hpp"
#include "reports/style.hpp"
#include "reports/text_report.hpp"

namespace lockstep::reports {

using ojson = nlohmann::ordered_json;
using checker::Bug;
using checker::BugKind;
using checker::ScenarioResult;

namespace {

// A message as SARIF's rules like it: one sentence, ends with a period.
std::string sentence(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.empty()) return "-.";
    if (text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
    return text;
}

// Relative paths stay as they are (relative to the directory lockstep ran in, which is
// what code scanning expects: the checkout); absolute ones become file: URIs.
std::string uri_of(const std::string& path) {
    std::string out;
    for (char c : path) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || std::string_view("/-._~").find(c) != std::string_view::npos) out += c;
        else out += fmt::format("%{:02X}", u);
    }
    return !path.empty() && path[0] == '/' ? "file://" + out : out;
}

ojson physical(const checker::Location& loc, std::string_view fallback_file) {
    ojson p;
    p["artifactLocation"]["uri"] = uri_of(loc.file.empty() ? std::string(fallback_file) : loc.file);
    ojson region;
    region["startLine"] = std::max<uint32_t>(loc.line, 1);
    if (loc.column) region["startColumn"] = loc.column;
    p["region"] = std::move(region);
    return p;
}

std::string_view level_of(checker::Severity s) { return checker::severity_name(s); }

ojson rules() {
    ojson all = ojson::array();
    for (int i = 0; i < checker::bug_kind_count; ++i) {
        auto kind = static_cast<BugKind>(i);
        ojson r;
        r["id"] = std::string(checker::bug_kind_id(kind));
        r["name"] = std::string(checker::bug_kind_name(kind));
        r["shortDescription"]["text"] = std::string(checker::bug_kind_short_description(kind));
        r["fullDescription"]["text"] = std::string(checker::bug_kind_full_description(kind));
        std::string help = sentence("Fix: " + std::string(checker::bug_kind_help(kind)));
        r["help"]["text"] = help;
        r["help"]["markdown"] = help;
        r["defaultConfiguration"]["level"] = std::string(level_of(checker::bug_kind_severity(kind)));
        r["properties"]["tags"] = ojson::array({"concurrency", "go"});
        r["properties"]["precision"] = "high";
        all.push_back(std::move(r));
    }
    return all;
}

std::string step_text(const checker::TraceStep& s) {
    std::string t = fmt::format("Step {}, goroutine {}: {}", s.step, s.goroutine, s.op);
    if (s.object && !s.object->empty()) t += " " + *s.object;
    if (s.value && !s.value->empty()) t += " = " + *s.value;
    if (s.decisive && !s.note.empty()) t += " (" + s.note + ")";
    return sentence(t);
}

ojson code_flow(const Bug& bug, const BugView& view, const std::string& file, const std::string& entry) {
    ojson flow;
    flow["message"]["text"] = sentence(fmt::format("Counterexample of {} steps; replay it with: {}", bug.trace.size(), replay_command(file, entry, bug.schedule)));
    ojson threads = ojson::array();
    for (const Lane& lane : view.lanes) {
        ojson t;
        t["id"] = fmt::format("goroutine-{}", lane.ref.id);
        std::string what = fmt::format("Goroutine {} ({})", lane.ref.id, display_function(lane.ref.name));
        if (lane.ref.created_at) what += fmt::format(", created at {}:{}", base_name(lane.ref.created_at->file), lane.ref.created_at->line);
        t["message"]["text"] = sentence(what);
        ojson locs = ojson::array();
        for (size_t i : view.rows) {
            const checker::TraceStep& s = bug.trace[i];
            if (s.goroutine != lane.ref.id) continue;
            ojson l;
            l["location"]["physicalLocation"] = physical(s.location, file);
            l["location"]["message"]["text"] = step_text(s);
            l["executionOrder"] = s.step;
            l["importance"] = s.decisive ? "essential" : "unimportant";
            locs.push_back(std::move(l));
        }
        if (locs.empty()) continue;  // an involved goroutine that never ran: nothing to show
        t["locations"] = std::move(locs);
        threads.push_back(std::move(t));
    }
    flow["threadFlows"] = std::move(threads);
    return flow;
}

ojson result_of(const Bug& bug, const ScenarioResult& r, const SarifOptions& options) {
    ojson j;
    j["ruleId"] = std::string(checker::bug_kind_id(bug.kind()));
    j["ruleIndex"] = bug.kind_index;
    j["level"] = std::string(level_of(bug.severity));
    std::string text = bug.message.empty() ? std::string(checker::bug_kind_id(bug.kind())) : bug.message;
    if (!bug.details.empty()) {
        std::string d = bug.details;
        std::replace(d.begin(), d.end(), '\n', ' ');
        text = sentence(text) + " " + d;
    }
    j["message"]["text"] = sentence(text);
    ojson loc;
    loc["physicalLocation"] = physical(bug.location, r.file);
    j["locations"] = ojson::array({loc});
    j["partialFingerprints"]["lockstepBug/v1"] = bug_fingerprint(bug);
    BugView view = make_bug_view(bug, options.full_trace);
    if (!bug.trace.empty()) {
        ojson flow = code_flow(bug, view, r.file, r.entry);
        if (!flow["threadFlows"].empty()) j["codeFlows"] = ojson::array({flow});
    }
    ojson props;
    props["scenario"] = r.file;
    props["entry"] = r.entry;
    if (!bug.schedule.empty()) {
        props["schedule"] = bug.schedule;
        props["replay"] = replay_command(r.file, r.entry, bug.schedule);
    }
    if (!bug.trace.empty()) props["output"] = bug.output;
    j["properties"] = std::move(props);
    return j;
}

}  // namespace

std::string bug_fingerprint(const Bug& bug) {
    std::vector<std::string> parts;
    for (const auto& s : bug.trace)
        if (s.decisive) parts.push_back(fmt::format("{}:{}:{}:{}", s.location.file, s.location.line, s.location.column, s.op));
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    std::string key = std::string(checker::bug_kind_id(bug.kind())) + "\n" + bug.message + "\n" +
                      fmt::format("{}:{}:{}", bug.location.file, bug.location.line, bug.location.column);
    for (const auto& p : parts) key += "\n" + p;
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return fmt::format("{:016x}", h);
}

ojson report_to_sarif(const std::vector<ScenarioResult>& results, const SarifOptions& options, std::string_view version) {
    ojson doc;
    doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    doc["version"] = "2.1.0";
    ojson run;
    ojson& driver = run["tool"]["driver"];
    driver["name"] = "lockstep";
    driver["version"] = std::string(version);
    driver["semanticVersion"] = std::string(version);
    driver["rules"] = rules();
    ojson out = ojson::array();
    ojson notes = ojson::array();
    for (const auto& r : results) {
        for (const auto& bug : r.bugs) out.push_back(result_of(bug, r, options));
        if (r.verdict == checker::Verdict::Error) {
            ojson n;
            n["level"] = "error";
            std::string first = r.error.substr(0, r.error.find('\n'));
            n["message"]["text"] = sentence(first.empty() ? r.file + ": error" : first);
            notes.push_back(std::move(n));
        }
    }
    ojson inv;
    inv["executionSuccessful"] = notes.empty();
    if (!notes.empty()) inv["toolExecutionNotifications"] = std::move(notes);
    run["invocations"] = ojson::array({inv});
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(out);
    doc["runs"] = ojson::array({run});
    return doc;
}

std::string render_sarif(const std::vector<ScenarioResult>& results, const SarifOptions& options, std::string_view version) {
    return report_to_sarif(results, options, version).dump(2) + "\n";
}

}  // namespace lockstep::reports
