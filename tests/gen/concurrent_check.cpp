#include "concurrent_check.hpp"

#include <filesystem>
#include <fstream>

#include "compare.hpp"
#include "findings.hpp"
#include "minimize.hpp"
#include "tests/differential/go_runs.hpp"
#include "tests/gen/lib/concurrent_gen.hpp"
#include "tests/support/process.hpp"

namespace lockstep::gen_test {

namespace fs = std::filesystem;

namespace {

constexpr size_t k_chunk = 40;  // files per lockstep process

std::string write(const std::string& name, const std::string& text) { return test_support::write_temp(name, text); }

differential::GoSettings go_settings(int runs) {
    differential::GoSettings s;
    s.cache_dir = (fs::path(LOCKSTEP_BINARY).parent_path() / "gen-go-cache").string();
    s.runs_per_procs = runs;
    s.procs = {1, 4};  // GOMAXPROCS=1 and a default-like parallel run
    s.timeout_seconds = 2;
    return s;
}

// What kind of disagreement ("outcomes differ", "bug kinds differ", "dpor: lockstep gave
// no report", ...), so minimizing keeps the same kind.
std::string category(const std::string& failure) {
    size_t first = failure.find(':');
    if (first == std::string::npos) return failure;
    std::string head = failure.substr(0, first);
    if (head != "dpor" && head != "naive") return head;
    return failure.substr(0, failure.find(':', first + 1));
}

std::string dpor_naive_on(const std::string& path, bool* skipped) {
    auto d = check_batch({path}, dpor_flags(), 60);
    auto n = check_batch({path}, naive_flags(), 60);
    return compare_dpor_naive(d[path], n[path], skipped);
}

// Minimizes a failing program and writes it as a finding; returns the finding's path.
std::string minimize_and_file(const gen::ConcurrentProgram& p, const std::string& failure, bool with_go, int go_runs) {
    int tries = 0;
    std::string cat = category(failure);
    auto fails = [&](const std::vector<bool>& keep) {
        std::string path = write("min/c" + std::to_string(p.seed) + "-" + std::to_string(tries++) + ".go", p.render(keep));
        if (!with_go) {
            bool skipped = false;
            std::string f = dpor_naive_on(path, &skipped);
            return !f.empty() && category(f) == cat;
        }
        auto d = check_batch({path}, dpor_flags(), 60);
        if (!lockstep_failure(d[path]).empty()) return false;
        auto go = differential::observe_under_go(path, go_settings(go_runs));
        std::string f = compare_go(go, d[path].result);
        return !f.empty() && category(f) == cat;
    };
    std::vector<bool> keep = minimize(p.unit_count(), fails, with_go ? 40 : 150);
    std::string source = p.render(keep);
    std::string path = write("min/final" + std::to_string(p.seed) + ".go", source);
    std::string now;
    if (with_go) {
        auto d = check_batch({path}, dpor_flags(), 60);
        now = compare_go(differential::observe_under_go(path, go_settings(go_runs)), d[path].result);
    } else {
        bool skipped = false;
        now = dpor_naive_on(path, &skipped);
    }
    std::string header = "Found by tests/gen (concurrent generator, seed " + std::to_string(p.seed) +
                         "), minimized over its statements.\n" + (now.empty() ? failure : now) + "\n" +
                         (with_go ? "Go 1.19: go run / go run -race on this file (GOMAXPROCS=1 and 4) shows it.\n"
                                  : "Go 1.19: a valid program (go build accepts it); dpor and naive must agree on it.\n") +
                         "lockstep: " + check_command(dpor_flags(), {"FILE"}) + "\n" +
                         "     vs   " + check_command(naive_flags(), {"FILE"}) + "\n" +
                         "Regenerate the unminimized program: build/tests/lockstep_gen concurrent " + std::to_string(p.seed);
    return write_finding((with_go ? "gen_go_seed" : "gen_dpor_naive_seed") + std::to_string(p.seed), header, source);
}

}  // namespace

ConcurrentBatch run_concurrent_batch(const BatchOptions& o) {
    ConcurrentBatch out;
    std::vector<gen::ConcurrentProgram> programs;
    std::vector<std::string> paths;
    for (int i = 0; i < o.count; ++i) {
        programs.push_back(gen::generate_concurrent(o.first_seed + static_cast<uint64_t>(i), o.features));
        paths.push_back(write("gen/c" + std::to_string(o.first_seed + static_cast<uint64_t>(i)) + ".go",
                              programs.back().render()));
    }
    out.programs = o.count;
    std::vector<std::vector<std::string>> chunks;
    for (size_t from = 0; from < paths.size(); from += k_chunk)
        chunks.emplace_back(paths.begin() + static_cast<long>(from),
                            paths.begin() + static_cast<long>(std::min(paths.size(), from + k_chunk)));
    auto dpor = check_batches(chunks, dpor_flags(), 900);
    auto naive = check_batches(chunks, naive_flags(), 900);
    {
        for (size_t k = 0; k < paths.size(); ++k) {
            const auto& p = programs[k];
            const std::string& path = paths[k];
            bool skipped = false;
            std::string failure = compare_dpor_naive(dpor[path], naive[path], &skipped);
            if (skipped) {
                ++out.skipped;
                continue;
            }
            if (failure.empty()) {
                ++out.compared;
                auto& s = out.shapes[p.shape];
                s.programs++;
                s.dpor_executions += dpor[path].executions;
                s.naive_executions += naive[path].executions;
                for (auto f : p.features()) out.covered.insert(f);
            }
            bool go_sample = o.go_every > 0 && (p.seed % static_cast<uint64_t>(o.go_every)) == 0 &&
                             differential::go_available() && lockstep_failure(dpor[path]).empty();
            if (failure.empty() && go_sample) {
                ++out.go_checked;
                auto go = differential::observe_under_go(path, go_settings(o.go_runs));
                std::string g = compare_go(go, dpor[path].result);
                if (!g.empty()) {
                    std::string where = o.minimize ? minimize_and_file(p, g, true, o.go_runs) : path;
                    out.failures.push_back("seed " + std::to_string(p.seed) + ": " + g + "\n  program: " + where);
                }
            }
            if (!failure.empty()) {
                std::string where = o.minimize ? minimize_and_file(p, failure, false, o.go_runs) : path;
                out.failures.push_back("seed " + std::to_string(p.seed) + ": " + failure + "\n  program: " + where);
            }
        }
    }
    return out;
}

}  // namespace lockstep::gen_test
