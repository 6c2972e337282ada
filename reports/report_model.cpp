// Which goroutines a counterexample shows: the involved ones; the rest folded by function.
#include "reports/report_model.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace lockstep::reports {

using checker::Bug;
using checker::GoroutineRef;

std::string display_function(std::string_view name) {
    constexpr std::string_view pkg = "main.";
    if (name.size() > pkg.size() && name.substr(0, pkg.size()) == pkg) name.remove_prefix(pkg.size());
    if (name.empty()) return "?";
    // A top-level function keeps its package ("main.worker"); closures read "main.func1".
    if (name.find('.') == std::string_view::npos && name != "main") return "main." + std::string(name);
    return std::string(name);
}

BugView make_bug_view(const Bug& bug, bool full_trace) {
    BugView view;
    view.bug = &bug;
    std::map<uint32_t, Lane> lanes;
    auto ref_of = [&](uint32_t id) {
        for (const auto& r : bug.lanes)
            if (r.id == id) return r;
        for (const auto& r : bug.goroutines)
            if (r.id == id) return r;
        return GoroutineRef{id, id == 1 ? "main" : "", std::nullopt};
    };
    for (const auto& g : bug.goroutines) {
        Lane& l = lanes[g.id];
        l.ref = ref_of(g.id);
        l.involved = true;
    }
    for (const auto& s : bug.trace) {
        Lane& l = lanes[s.goroutine];
        if (l.ref.id == 0) l.ref = ref_of(s.goroutine);
        ++l.steps;
        l.involved |= s.decisive;
    }
    // A bug without any involved goroutine (a livelock of the whole program): show them all.
    bool any_involved = std::any_of(lanes.begin(), lanes.end(), [](const auto& kv) { return kv.second.involved; });
    std::map<std::pair<std::string, bool>, FoldedGroup> groups;
    for (auto& [id, lane] : lanes) {
        if (full_trace || !any_involved || lane.involved) {
            view.lanes.push_back(lane);
            continue;
        }
        FoldedGroup& g = groups[{lane.ref.name, lane.ref.finished}];
        g.function = display_function(lane.ref.name);
        g.finished = lane.ref.finished;
        g.ids.push_back(id);
        g.steps += lane.steps;
    }
    auto shown = [&](uint32_t id) {
        return std::any_of(view.lanes.begin(), view.lanes.end(), [&](const Lane& l) { return l.ref.id == id; });
    };
    for (size_t i = 0; i < bug.trace.size(); ++i) {
        const auto& s = bug.trace[i];
        if (shown(s.goroutine)) {
            view.rows.push_back(i);
            continue;
        }
        ++view.hidden_steps;
        auto it = lanes.find(s.goroutine);
        FoldedGroup& g = groups[{it->second.ref.name, it->second.ref.finished}];
        if (g.first_step == 0) g.first_step = s.step;
        g.last_step = s.step;
    }
    for (auto& [key, g] : groups) view.folded.push_back(std::move(g));
    std::sort(view.folded.begin(), view.folded.end(), [](const FoldedGroup& a, const FoldedGroup& b) { return a.first_step < b.first_step; });
    return view;
}

std::string folded_summary(const FoldedGroup& g, std::string_view ellipsis, std::string_view dash) {
    std::string range = g.first_step == g.last_step ? fmt::format("step {}", g.first_step) : fmt::format("steps {}{}{}", g.first_step, dash, g.last_step);
    if (g.ids.size() == 1) {
        std::string span = g.first_step == g.last_step ? fmt::format("at step {}", g.first_step) : fmt::format("between steps {} and {}", g.first_step, g.last_step);
        return fmt::format("{} goroutine {} ({}) ran {} step{} {}{}", ellipsis, g.ids[0], g.function, g.steps, g.steps == 1 ? "" : "s", span,
                           g.finished ? ", to completion" : "");
    }
    return fmt::format("{} {} goroutines ran {}{}, {}", ellipsis, g.ids.size(), g.function, g.finished ? " to completion" : " (not finished)", range);
}

}  // namespace lockstep::reports
