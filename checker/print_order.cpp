// PrintOrder: the prints of one execution as a partial order (see print_order.hpp).
#include "checker/print_order.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "checker/execution.hpp"

namespace lockstep::checker {

namespace {

bool has(const std::vector<uint64_t>& bits, size_t i) { return i / 64 < bits.size() && (bits[i / 64] >> (i % 64)) & 1; }
void set(std::vector<uint64_t>& bits, size_t i) {
    if (i / 64 >= bits.size()) bits.resize(i / 64 + 1, 0);
    bits[i / 64] |= uint64_t{1} << (i % 64);
}
bool subset(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
    for (size_t w = 0; w < a.size(); ++w)
        if (a[w] & ~(w < b.size() ? b[w] : 0)) return false;
    return true;
}

constexpr AccessMode k_modes[3] = {AccessMode::Read, AccessMode::Write, AccessMode::Commute};

}  // namespace

std::string PrintOrder::representative() const {
    std::string out;
    for (const auto& p : prints) out += p.text;
    return out + tail;
}

uint64_t PrintOrder::orders() const {
    const size_t n = prints.size();
    if (n > k_countable) return 0;
    // Linear extensions by dynamic programming over the sets already printed.
    std::vector<uint32_t> pred(n, 0);
    for (size_t i = 0; i < n; ++i)
        for (size_t k = 0; k < i; ++k)
            if (has(prints[i].after, k)) pred[i] |= 1u << k;
    std::vector<uint64_t> ways(size_t{1} << n, 0);
    ways[0] = 1;
    for (uint32_t s = 0; s < ways.size(); ++s) {
        if (!ways[s]) continue;
        for (size_t i = 0; i < n; ++i)
            if (!(s >> i & 1) && (pred[i] & ~s) == 0) ways[s | (1u << i)] += ways[s];
    }
    return ways.back();
}

bool PrintOrder::admits(std::string_view output) const {
    if (output.size() < tail.size() || output.substr(output.size() - tail.size()) != tail) return false;
    output.remove_suffix(tail.size());
    // Depth-first over the sets of prints already matched (their total length says where
    // in `output` the next one starts); each set is tried once.
    std::set<std::vector<uint64_t>> seen;
    std::vector<std::pair<std::vector<uint64_t>, size_t>> stack;
    std::vector<uint64_t> empty;  // prints of no text: done from the start
    for (size_t i = 0; i < prints.size(); ++i)
        if (prints[i].text.empty()) set(empty, i);
    stack.push_back({empty, 0});
    while (!stack.empty()) {
        auto [done, pos] = stack.back();
        stack.pop_back();
        if (pos == output.size()) {
            bool all = true;
            for (size_t i = 0; i < prints.size() && all; ++i) all = has(done, i) || prints[i].text.empty();
            if (all) return true;
        }
        for (size_t i = 0; i < prints.size(); ++i) {
            const Print& p = prints[i];
            if (has(done, i) || p.text.empty() || !subset(p.after, done)) continue;
            if (output.substr(pos, p.text.size()) != p.text) continue;
            std::vector<uint64_t> next = done;
            set(next, i);
            if (seen.insert(next).second) stack.push_back({std::move(next), pos + p.text.size()});
        }
    }
    return false;
}

bool PrintOrder::operator==(const PrintOrder& o) const {
    if (tail != o.tail || prints.size() != o.prints.size()) return false;
    for (size_t i = 0; i < prints.size(); ++i) {
        if (prints[i].text != o.prints[i].text) return false;
        std::vector<uint64_t> a = prints[i].after, b = o.prints[i].after;
        a.resize(std::max(a.size(), b.size()), 0);
        b.resize(a.size(), 0);
        if (a != b) return false;
    }
    return true;
}

namespace {

// The dependency order of exec's steps as vector clocks over goroutines: each step gets
// its goroutine's local count (1-based) and the clock of everything it depends on (program
// order, a rendezvous partner, the spawning Go, conflicting accesses). `visit(index, local,
// clock)` sees every step in order; step s precedes step t iff clock_t[g_s] >= local_s.
template <typename Visit>
void walk_clocks(const Execution& exec, Visit&& visit) {
    const auto& steps = exec.steps();
    const Access* accesses = exec.accesses().data();
    const uint32_t n = exec.goroutine_count();
    std::vector<std::vector<uint32_t>> gclock(n, std::vector<uint32_t>(n, 0));
    std::vector<uint32_t> local(n, 0);
    // Per object and mode: the join of the clocks of the steps that touched it so.
    std::unordered_map<uint64_t, std::array<std::vector<uint32_t>, 3>> joins;
    vm::Gid next_child = 1;
    std::vector<uint32_t> c(n);
    auto join = [&](const std::vector<uint32_t>& o) {
        for (size_t k = 0; k < o.size() && k < n; ++k) c[k] = std::max(c[k], o[k]);
    };
    for (size_t i = 0; i < steps.size(); ++i) {
        const StepRecord& rec = steps[i];
        const vm::Gid g = rec.choice.g;
        c = gclock[g];
        if (rec.partner != UINT32_MAX) join(gclock[rec.partner]);
        for (uint32_t a = rec.access_begin; a < rec.access_end; ++a) {
            const Access& acc = accesses[a];
            auto it = joins.find((uint64_t{static_cast<uint8_t>(acc.space)} << 32) | acc.id);
            if (it == joins.end()) continue;
            for (int m = 0; m < 3; ++m)
                if (modes_conflict(acc.mode, k_modes[m])) join(it->second[m]);
        }
        c[g] = ++local[g];
        for (uint32_t a = rec.access_begin; a < rec.access_end; ++a) {
            const Access& acc = accesses[a];
            auto& j = joins[(uint64_t{static_cast<uint8_t>(acc.space)} << 32) | acc.id][static_cast<int>(acc.mode)];
            if (j.size() < n) j.resize(n, 0);
            for (uint32_t k = 0; k < n; ++k) j[k] = std::max(j[k], c[k]);
        }
        gclock[g] = c;
        if (rec.partner != UINT32_MAX) gclock[rec.partner] = c;
        if (rec.op.kind == vm::OpKind::Go && next_child < n) gclock[next_child++] = c;
        visit(i, local[g], c);
    }
}

// The print of step rec, if it printed something before main returned.
bool kept_print(const StepRecord& rec, std::string_view kept) {
    return rec.op.kind == vm::OpKind::Print && rec.out_end > rec.out_begin && rec.out_end <= kept.size();
}

}  // namespace

PrintOrder print_order(const Execution& exec, std::string tail) {
    PrintOrder out;
    out.tail = std::move(tail);
    const auto& steps = exec.steps();
    std::string_view text = exec.program().output();
    const std::string_view kept = exec.output();  // up to main's return
    // Prints of one goroutine only: program order is the whole story.
    vm::Gid printer = UINT32_MAX;
    bool several = false;
    for (const StepRecord& rec : steps)
        if (rec.op.kind == vm::OpKind::Print) {
            several |= printer != UINT32_MAX && printer != rec.choice.g;
            printer = rec.choice.g;
        }
    if (!several) {
        for (const StepRecord& rec : steps)
            if (kept_print(rec, kept)) {
                PrintOrder::Print p;
                p.text = std::string(text.substr(rec.out_begin, rec.out_end - rec.out_begin));
                for (size_t k = 0; k < out.prints.size(); ++k) set(p.after, k);
                out.prints.push_back(std::move(p));
            }
        return out;
    }
    struct Seen {
        vm::Gid g;
        uint32_t local;
    };
    std::vector<Seen> seen;
    walk_clocks(exec, [&](size_t i, uint32_t local, const std::vector<uint32_t>& c) {
        const StepRecord& rec = steps[i];
        if (!kept_print(rec, kept)) return;
        PrintOrder::Print p;
        p.text = std::string(text.substr(rec.out_begin, rec.out_end - rec.out_begin));
        for (size_t k = 0; k < seen.size(); ++k)
            if (c[seen[k].g] >= seen[k].local) set(p.after, k);
        out.prints.push_back(std::move(p));
        seen.push_back(Seen{rec.choice.g, local});
    });
    return out;
}

std::vector<std::vector<Choice>> print_reorders(const Execution& exec, const PrintOrder& order, std::string_view expected, size_t max) {
    std::vector<std::vector<Choice>> out;
    const auto& prints = order.prints;
    // The prints to bring forward: print j with an unordered earlier print of another text,
    // when printing j's predecessors, then j, then the rest gives other text than expected.
    std::vector<size_t> wanted;
    for (size_t j = 1; j < prints.size() && wanted.size() < max; ++j) {
        bool unordered = false;
        for (size_t i = 0; i < j && !unordered; ++i) unordered = !has(prints[j].after, i) && prints[i].text != prints[j].text;
        if (!unordered) continue;
        std::string first, rest;
        for (size_t k = 0; k < prints.size(); ++k) (k == j || has(prints[j].after, k) ? first : rest) += prints[k].text;
        if (normalize_output(first + rest + order.tail, false) != expected) wanted.push_back(j);
    }
    if (wanted.empty()) return out;
    // Each step's goroutine and local count, and the clock of each wanted print.
    const auto& steps = exec.steps();
    const std::string_view kept = exec.output();
    std::vector<uint32_t> local_of(steps.size());
    std::vector<std::vector<uint32_t>> clock_of(wanted.size());
    size_t print_index = 0;
    walk_clocks(exec, [&](size_t i, uint32_t local, const std::vector<uint32_t>& c) {
        local_of[i] = local;
        if (!kept_print(steps[i], kept)) return;
        for (size_t w = 0; w < wanted.size(); ++w)
            if (wanted[w] == print_index) clock_of[w] = c;
        ++print_index;
    });
    // Schedule the wanted print's predecessors and itself first (in the order they ran),
    // then every other step: a topological order of the steps' dependencies.
    for (const auto& c : clock_of) {
        if (c.empty()) continue;
        std::vector<Choice> first, rest;
        for (size_t i = 0; i < steps.size(); ++i) {
            const vm::Gid g = steps[i].choice.g;
            (g < c.size() && c[g] >= local_of[i] ? first : rest).push_back(steps[i].choice);
        }
        first.insert(first.end(), rest.begin(), rest.end());
        out.push_back(std::move(first));
    }
    return out;
}

}  // namespace lockstep::checker
