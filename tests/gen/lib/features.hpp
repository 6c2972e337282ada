// Every primitive and operation kind the concurrent generator covers, and the one place
// where the CI batch leaves some out while lockstep is known to be wrong on them.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace lockstep::gen {

enum class Feature {
    Mutex, TryLock, UnlockMisuse, RWMutex, TryRLock, RWTryLock, RLocker, WaitGroupMisuse, Once,
    Cond, CondRLocker, Pool, SyncMap, Atomic, AtomicTyped, AtomicValue, AtomicValueMisuse,
    ChanBuffered, ChanUnbuffered, ChanNil, ChanClosed, Select, SelectDefault, Close, Print,
    Panic, Recover, RacyVar, MapWrite, GoLoop, LoopVarCapture, GoNested, EarlyReturn,
    BusyWait, Yield, NestedLiteralCapture, SelectUnbuffered, JoinWaitGroup, JoinDone, JoinNone, JoinSleep,
    Count
};

const char* feature_name(Feature f);

// The features a batch may generate.
struct FeatureSet {
    std::set<Feature> excluded;
    bool allows(Feature f) const { return excluded.count(f) == 0; }
};

// Everything (make soak, the minimizer's re-generation).
FeatureSet all_features();

// The CI batch: everything except what lockstep is known to get wrong today, each with the
// finding file that shows it (docs/testing.md lists them). Fixing the finding means deleting
// its line in features.cpp.
FeatureSet ci_features();

// The sequential generator's exclusions: a generated statement one of these rules matches
// is drawn again. None for `make soak`; the CI batch's rules are in features.cpp, each
// naming its finding.
struct SeqExclusion {
    const char* what;
    const char* finding;
    std::function<bool(const std::string&)> matches;
};
struct SeqExclusions {
    std::vector<SeqExclusion> rules;
    bool allows(const std::string& stmt) const;
};
SeqExclusions ci_sequential_exclusions();

}  // namespace lockstep::gen
