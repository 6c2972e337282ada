// The shard section, to JSON and back (see shard_json.hpp).
#include "reports/shard_json.hpp"

#include <stdexcept>

#include "reports/json_report.hpp"

namespace lockstep::reports {

using ojson = nlohmann::ordered_json;
using namespace checker;

namespace {

const ojson& field(const ojson& j, const char* name) {
    if (!j.is_object() || !j.contains(name)) throw std::runtime_error(std::string("missing field \"") + name + "\"");
    return j.at(name);
}

template <class T>
T get(const ojson& j, const char* name) {
    try {
        return field(j, name).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw std::runtime_error(std::string("field \"") + name + "\" has the wrong type");
    }
}

ojson optional_string(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

std::optional<std::string> get_optional_string(const ojson& j, const char* name) {
    const ojson& v = field(j, name);
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) throw std::runtime_error(std::string("field \"") + name + "\" has the wrong type");
    return v.get<std::string>();
}

BugKind kind_of(const std::string& id) {
    auto k = bug_kind_from_id(id);
    if (!k) throw std::runtime_error("unknown bug kind \"" + id + "\"");
    return *k;
}

ojson rules_json(const FoldRules& r) {
    ojson j;
    j["all"] = r.all;
    ojson kinds = ojson::array();
    for (BugKind k : r.expected_kinds) kinds.push_back(std::string(bug_kind_id(k)));
    j["expected_kinds"] = std::move(kinds);
    j["target"] = r.target;
    j["max_executions"] = r.max_executions ? ojson(*r.max_executions) : ojson(nullptr);
    j["max_outcomes"] = r.max_outcomes;
    return j;
}

FoldRules rules_from(const ojson& j) {
    FoldRules r;
    r.all = get<bool>(j, "all");
    for (const auto& k : field(j, "expected_kinds")) r.expected_kinds.push_back(kind_of(k.get<std::string>()));
    r.target = get<std::string>(j, "target");
    if (!field(j, "max_executions").is_null()) r.max_executions = get<uint64_t>(j, "max_executions");
    r.max_outcomes = get<uint64_t>(j, "max_outcomes");
    return r;
}

ojson record_json(const SubtreeRecord& r) {
    ojson j;
    j["index"] = r.index;
    j["executions"] = r.executions;
    j["steps"] = r.steps;
    j["sleep_blocked"] = r.sleep_blocked;
    j["complete"] = r.complete;
    j["bound"] = optional_string(r.bound);
    j["bound_message"] = r.bound_message;
    ojson bugs = ojson::array();
    for (const auto& b : r.bugs) {
        ojson bj;
        bj["identity"] = b.identity;
        bj["kind"] = std::string(bug_kind_id(static_cast<BugKind>(b.kind_index)));
        bj["preemptions"] = b.preemptions;
        bj["goroutines"] = b.goroutines;
        bj["steps"] = b.steps;
        bugs.push_back(std::move(bj));
    }
    j["bugs"] = std::move(bugs);
    ojson outcomes = ojson::array();
    for (const auto& o : r.outcomes) outcomes.push_back(print_order_to_json(o));
    j["outcomes"] = std::move(outcomes);
    return j;
}

SubtreeRecord record_from(const ojson& j) {
    SubtreeRecord r;
    r.index = get<uint32_t>(j, "index");
    r.executions = get<uint64_t>(j, "executions");
    r.steps = get<uint64_t>(j, "steps");
    r.sleep_blocked = get<uint64_t>(j, "sleep_blocked");
    r.complete = get<bool>(j, "complete");
    r.bound = get_optional_string(j, "bound");
    r.bound_message = get<std::string>(j, "bound_message");
    for (const auto& bj : field(j, "bugs")) {
        SubtreeBug b;
        b.identity = get<std::string>(bj, "identity");
        b.kind_index = static_cast<uint32_t>(kind_of(get<std::string>(bj, "kind")));
        b.preemptions = get<uint32_t>(bj, "preemptions");
        b.goroutines = get<uint32_t>(bj, "goroutines");
        b.steps = get<uint32_t>(bj, "steps");
        r.bugs.push_back(std::move(b));
    }
    for (const auto& o : field(j, "outcomes")) r.outcomes.push_back(print_order_from_json(o));
    return r;
}

}  // namespace

ojson print_order_to_json(const PrintOrder& order) {
    ojson j;
    ojson prints = ojson::array();
    for (const auto& p : order.prints) {
        ojson pj;
        pj["text"] = p.text;
        pj["after"] = p.after;
        prints.push_back(std::move(pj));
    }
    j["prints"] = std::move(prints);
    j["tail"] = order.tail;
    return j;
}

PrintOrder print_order_from_json(const ojson& j) {
    PrintOrder o;
    for (const auto& pj : field(j, "prints")) {
        PrintOrder::Print p;
        p.text = get<std::string>(pj, "text");
        p.after = get<std::vector<uint64_t>>(pj, "after");
        o.prints.push_back(std::move(p));
    }
    o.tail = get<std::string>(j, "tail");
    return o;
}

ojson shard_to_json(const ShardInfo& info) {
    ojson j;
    j["index"] = info.index;
    j["count"] = info.count;
    j["subtrees"] = info.subtrees;
    j["depth"] = info.depth;
    j["plan_bound_hit"] = info.plan_bound_hit;
    j["rules"] = rules_json(info.rules);
    ojson records = ojson::array();
    for (const auto& r : info.records) records.push_back(record_json(r));
    j["records"] = std::move(records);
    ojson candidates = ojson::array();
    for (const auto& c : info.candidates) {
        ojson cj;
        cj["subtree"] = c.subtree;
        cj["identity"] = c.identity;
        cj["bug"] = bug_to_json(c.bug);
        candidates.push_back(std::move(cj));
    }
    j["candidates"] = std::move(candidates);
    j["static_bugs"] = info.static_bugs;
    return j;
}

ShardSection shard_from_json(const ojson& j) {
    ShardSection s;
    ShardInfo& info = s.info;
    info.index = get<uint32_t>(j, "index");
    info.count = get<uint32_t>(j, "count");
    info.subtrees = get<uint32_t>(j, "subtrees");
    info.depth = get<uint32_t>(j, "depth");
    info.plan_bound_hit = get<bool>(j, "plan_bound_hit");
    info.rules = rules_from(field(j, "rules"));
    for (const auto& r : field(j, "records")) info.records.push_back(record_from(r));
    for (const auto& cj : field(j, "candidates")) {
        ShardInfo::Candidate c;
        c.subtree = get<uint32_t>(cj, "subtree");
        c.identity = get<std::string>(cj, "identity");
        info.candidates.push_back(std::move(c));
        s.candidate_bugs.push_back(field(cj, "bug"));
    }
    info.static_bugs = get<uint32_t>(j, "static_bugs");
    if (info.count == 0 || info.index >= info.count) throw std::runtime_error("shard index outside its count");
    return s;
}

}  // namespace lockstep::reports
