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
    // Known lockstep defects: each line names its finding (listed in docs/testing.md). `make soak` generates these features anyway.
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
    // Known lockstep defects, each with its finding in tests/gen/findings/.
    SeqExclusions s;
    s.rules = {
        {"fmt flags, width and precision", "gen_seq_fmt_flags.go", verb_with_flags},
        {"hex verbs on floats", "gen_seq_fmt_float_hex_exponent.go",
         [](const std::string& t) { return t.find("float64") != std::string::npos && (t.find("%x") != std::string::npos || t.find("%X") != std::string::npos); }},
        {"explicit argument indexes", "gen_seq_fmt_argument_index.go", contains("%[")},
        {"runtime errors' dynamic types", "gen_seq_runtime_error_dynamic_type.go", contains("recovered %T")},
        {"untyped constant arithmetic", "gen_seq_untyped_constant_exact.go", contains("// untyped constants")},
        {"verbs applied to every kind of value (\"%f;\" of [2]bool, \"%x;\" of a struct)",
         "gen_seq_fmt_verb_on_composite.go", contains(";\\n\"")},
        {"slice literal keys out of order", "gen_seq_slice_literal_key_order.go", contains("{2: \"c\", 0: \"a\"}")},
        {"bad verb on a Stringer", "gen_seq_fmt_bad_verb_stringer.go", contains("Color(7)")},
    };
    return s;
}

}  // namespace lockstep::gen
