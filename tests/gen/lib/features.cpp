#include "features.hpp"

namespace lockstep::gen {

const char* feature_name(Feature f) {
    static const char* const names[] = {
        "Mutex", "TryLock", "UnlockMisuse", "RWMutex", "TryRLock", "RWTryLock", "RLocker", "WaitGroupMisuse",
        "Once", "Cond", "CondRLocker", "Pool", "SyncMap", "Atomic", "AtomicTyped", "AtomicValue",
        "AtomicValueMisuse", "ChanBuffered", "ChanUnbuffered", "ChanNil", "ChanClosed", "Select",
        "SelectDefault", "Close", "Print", "Panic", "Recover", "RacyVar", "MapWrite", "GoLoop",
        "LoopVarCapture", "GoNested", "EarlyReturn", "BusyWait", "Yield", "NestedLiteralCapture", "SelectUnbuffered", "JoinWaitGroup", "JoinDone",
        "JoinNone", "JoinSleep"};
    static_assert(sizeof names / sizeof names[0] == static_cast<size_t>(Feature::Count));
    return names[static_cast<size_t>(f)];
}

FeatureSet all_features() { return {}; }

FeatureSet ci_features() {
    FeatureSet s;
    // Known lockstep defects: each line names the finding in /work/notes/findings/ (copied
    // into docs/testing.md). `make soak` generates these features anyway.
    // A nil channel in a select (or a blocking operation on one) crashes lockstep (SIGSEGV):
    // findings/gosem/gen_nil_chan_select_segv.go.
    s.excluded.insert(Feature::ChanNil);
    // Spin loops (atomic flag + Gosched/Sleep, select-default polling) are reported as
    // livelock and their searches never end: findings/explore/gen_busy_wait_false_livelock.go.
    s.excluded.insert(Feature::BusyWait);
    // A goroutine's parameter read inside a nested function literal (once.Do(func(){..id..}))
    // is rejected ("captured variable id not found"):
    // findings/gosem/gen_param_captured_in_nested_literal.go.
    s.excluded.insert(Feature::NestedLiteralCapture);
    // dpor never explores TryRLock failing (or succeeding) against a writer's Lock in
    // another goroutine: findings/explore/gen_dpor_tryrlock_vs_writer.go.
    s.excluded.insert(Feature::TryRLock);
    // dpor never takes a select's receive case on an unbuffered channel whose sender parks
    // there after main reached the select (with or without default, another case ready):
    // findings/explore/gen_dpor_select_case_missed.go. Selects without default, and select
    // cases on the unbuffered channel, are left out.
    s.excluded.insert(Feature::Select);
    s.excluded.insert(Feature::SelectUnbuffered);
    // dpor never reverses two sends racing for one receive on an unbuffered channel:
    // findings/explore/gen_dpor_unbuffered_senders_race.go.
    s.excluded.insert(Feature::ChanUnbuffered);
    // An extra wg.Done() racing another goroutine: naive finds the run that panics with
    // "negative WaitGroup counter", dpor does not: findings/explore/gen_dpor_negative_waitgroup_missed.go.
    s.excluded.insert(Feature::WaitGroupMisuse);
    return s;
}

bool SeqExclusions::allows(const std::string& stmt) const {
    for (const auto& r : rules)
        if (r.matches(stmt)) return false;
    return true;
}

namespace {

std::function<bool(const std::string&)> contains(std::string text) {
    return [text](const std::string& s) { return s.find(text) != std::string::npos; };
}

// A Printf verb with a flag, a width or a precision ("%+x", "%08d", "%.2f", "% x").
bool verb_with_flags(const std::string& s) {
    for (size_t at = s.find('%'); at != std::string::npos && at + 1 < s.size(); at = s.find('%', at + 1)) {
        char c = s[at + 1];
        if (c == '%') {
            ++at;
            continue;
        }
        if (std::string("+-# 0123456789.*").find(c) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

SeqExclusions ci_sequential_exclusions() {
    // Known lockstep defects, each with its finding in /work/notes/findings/gosem/.
    SeqExclusions s;
    s.rules = {
        {"errors.Unwrap", "gen_seq_errors_unwrap_undefined.go", contains("errors.Unwrap")},
        {"float32 values", "gen_seq_float32_prints_as_float64.go", contains("float32")},
        {"fmt flags, width and precision", "gen_seq_fmt_flags.go", verb_with_flags},
        {"hex verbs on floats", "gen_seq_fmt_float_hex_exponent.go",
         [](const std::string& t) { return t.find("float64") != std::string::npos && (t.find("%x") != std::string::npos || t.find("%X") != std::string::npos); }},
        {"explicit argument indexes", "gen_seq_fmt_argument_index.go", contains("%[")},
        {"runtime errors' dynamic types", "gen_seq_runtime_error_dynamic_type.go", contains("recovered %T")},
        {"range over an array", "gen_seq_range_array_copy.go", contains("a[2] = 10")},
        {"range over an array of structs", "gen_seq_range_array_copy.go", contains("arr[1].X = 100")},
        {"two-phase assignment", "gen_seq_assign_two_phase.go", contains("i, s[i] = 2, 9")},
        {"untyped constant arithmetic", "gen_seq_untyped_constant_exact.go", contains("// untyped constants")},
        {"verbs applied to every kind of value (\"%f;\" of [2]bool, \"%x;\" of a struct)",
         "gen_seq_fmt_verb_on_composite.go", contains(";\\n\"")},
        {"constant -0.0", "gen_seq_constant_negative_zero.go", contains("-0.0")},
        {"slice literal keys out of order", "gen_seq_slice_literal_key_order.go", contains("{2: \"c\", 0: \"a\"}")},
        {"panic(nil)", "gen_seq_panic_nil_recover.go", contains("panic(nil)")},
        {"bad verb on a Stringer", "gen_seq_fmt_bad_verb_stringer.go", contains("Color(7)")},
    };
    return s;
}

}  // namespace lockstep::gen
