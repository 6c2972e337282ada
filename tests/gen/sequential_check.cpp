#include "sequential_check.hpp"

#include <filesystem>

#include "findings.hpp"
#include "minimize.hpp"
#include "tests/differential/outcome.hpp"
#include "tests/gen/lib/sequential_program.hpp"
#include "tests/support/process.hpp"

namespace lockstep::gen_test {

namespace fs = std::filesystem;
using test_support::shell_quote;
using gen::section_of;

namespace {

struct Ran {
    int code = -1;
    std::string out;
    std::string err;
};

std::string go_env() {
    std::string cache = (fs::path(LOCKSTEP_BINARY).parent_path() / "gen-go-cache").string();
    std::string env = "GO111MODULE=off GOFLAGS= ";
    if (!std::getenv("GOCACHE")) env += "GOCACHE=" + shell_quote(cache + "/gocache") + " ";
    if (!std::getenv("GOPATH")) env += "GOPATH=" + shell_quote(cache + "/gopath") + " ";
    return env;
}

// go build, then run: the build's failure is reported with code -2 and its log in err.
Ran under_go(const std::string& path) {
    std::string bin = path + ".bin";
    auto built = test_support::run_captured(go_env() + "go build -o " + shell_quote(bin) + " " + shell_quote(path));
    if (built.code != 0) return {-2, "", built.out + built.err};
    auto r = test_support::run_captured("timeout -k 2 10 " + shell_quote(bin));
    fs::remove(bin);
    return {r.code, r.out, r.err};
}

Ran under_lockstep(const std::string& path) {
    auto r = test_support::run_captured("timeout -k 2 30 " + shell_quote(LOCKSTEP_BINARY) + " run " + shell_quote(path));
    return {r.code, r.out, r.err};
}

std::string lockstep_says(const Ran& r, size_t fn) {
    if (r.code == 0) return "printed " + differential::literal(section_of(r.out, fn));
    return "exit " + std::to_string(r.code) + ", stderr " + differential::literal(r.err.substr(0, 400)) +
           ", stdout " + differential::literal(section_of(r.out, fn));
}

std::string file_mismatch(const gen::SequentialProgram& p, size_t fn, bool minimize) {
    int tries = 0;
    auto differs = [&](const std::vector<bool>& keep) {
        std::string path = test_support::write_temp(
            "seqmin/s" + std::to_string(p.seed) + "-" + std::to_string(fn) + "-" + std::to_string(tries++) + ".go",
            p.render_one(fn, keep));
        Ran go = under_go(path);
        if (go.code != 0) return false;  // the candidate must still be a valid, clean Go program
        Ran ls = under_lockstep(path);
        return ls.code != 0 || ls.out != go.out;
    };
    std::vector<bool> keep(p.functions[fn].stmts.size(), true);
    if (minimize) keep = gen_test::minimize(keep.size(), differs, 60);
    std::string source = p.render_one(fn, keep);
    std::string path = test_support::write_temp("seqmin/final" + std::to_string(p.seed) + "-" + std::to_string(fn) + ".go", source);
    Ran go = under_go(path), ls = under_lockstep(path);
    std::string header = "Found by tests/gen (sequential generator, seed " + std::to_string(p.seed) + ", function f" +
                         std::to_string(fn) + "), minimized over its statements.\nGo 1.19 (go run) printed " +
                         differential::literal(section_of(go.out, fn)) + " and exited " + std::to_string(go.code) +
                         ".\nlockstep run " + lockstep_says(ls, fn) + ".\nCommand: build/lockstep run FILE; "
                         "GO111MODULE=off go run FILE\nRegenerate: build/tests/lockstep_gen sequential " +
                         std::to_string(p.seed) + " N";
    return write_finding("gen_seq_seed" + std::to_string(p.seed) + "_f" + std::to_string(fn), header, source);
}

}  // namespace

SequentialBatch run_sequential_batch(uint64_t first_seed, int programs, int functions_each, bool minimize,
                                     const gen::SeqExclusions& exclusions) {
    SequentialBatch b;
    for (int i = 0; i < programs; ++i) {
        uint64_t seed = first_seed + static_cast<uint64_t>(i);
        gen::SequentialProgram p = gen::generate_sequential(seed, functions_each, exclusions);
        std::string path = test_support::write_temp("seq/s" + std::to_string(seed) + ".go", p.render());
        b.programs++;
        b.functions += functions_each;
        Ran go = under_go(path);
        if (go.code != 0) {
            b.failures.push_back("seed " + std::to_string(seed) + ": the generated program is not a clean Go program (exit " +
                                 std::to_string(go.code) + "): " + go.err.substr(0, 600) + "\n  program: " + path);
            continue;
        }
        Ran ls = under_lockstep(path);
        if (ls.code == 0 && ls.out == go.out) continue;
        // Narrow it down to the functions whose section differs, each checked alone (a
        // rejection of one function rejects the whole file).
        for (size_t fn = 0; fn < p.functions.size(); ++fn) {
            if (ls.code == 0 && section_of(ls.out, fn) == section_of(go.out, fn)) continue;
            std::string alone = test_support::write_temp("seq/s" + std::to_string(seed) + "-f" + std::to_string(fn) + ".go",
                                                         p.render_one(fn, std::vector<bool>(p.functions[fn].stmts.size(), true)));
            Ran ls1 = under_lockstep(alone);
            if (ls1.code == 0 && section_of(ls1.out, fn) == section_of(go.out, fn)) continue;
            std::string where = file_mismatch(p, fn, minimize);
            b.failures.push_back("seed " + std::to_string(seed) + " f" + std::to_string(fn) + ": Go printed " +
                                 differential::literal(section_of(go.out, fn)) + ", lockstep run " + lockstep_says(ls1, fn) +
                                 "\n  program: " + where);
        }
    }
    return b;
}

}  // namespace lockstep::gen_test
