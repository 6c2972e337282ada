// Scenarios on which the differential test currently finds a lockstep bug, each with what
// fails and whose it is. They are checked by a [!mayfail] test, so the failure stays
// visible without failing CI; the owner of the fix deletes the line with the fix.
#pragma once

#include <string_view>

namespace lockstep::differential {

struct KnownIssue {
    std::string_view file;  // relative to the source tree
    std::string_view what;
};

inline constexpr KnownIssue k_known_issues[] = {
    {"tests/scenarios/mixed_atomic.go",
     "checker: atomic.AddInt64 in one goroutine, plain hits++ in the other: Go's race detector reports a race, "
     "lockstep verifies the scenario (its expect line says data-race lost-update)"},
    {"tests/scenarios/index_out_of_range.go",
     "checker: the panicking goroutine's deferred wg.Done() lets main print and exit before the crash; real Go "
     "prints \"[0 10]\" and exits 0, lockstep's executions always end in the panic"},
    {"tests/scenarios/nil_map_write.go",
     "checker: as index_out_of_range.go: real Go (-race, GOMAXPROCS=4) printed \"registered: 0\" and exited 0"},
    {"tests/scenarios/nil_deref.go",
     "checker: as index_out_of_range.go (a panicking goroutine with a deferred wg.Done(): main may exit first)"},
    {"tests/scenarios/user_panic.go",
     "checker: as index_out_of_range.go (a panicking goroutine with a deferred wg.Done(): main may exit first)"},
    {"tests/scenarios/check_then_act_panic.go",
     "checker: as index_out_of_range.go: real Go prints \"balance: -60\" and exits 0 when main returns between "
     "the deferred wg.Done() and the crash"},
    {"tests/scenarios/wg_double_done.go",
     "checker/sync: the extra Done drives the counter below zero after Wait was woken; in real Go the woken Wait "
     "can panic first, \"panic: sync: WaitGroup is reused before previous Wait has returned\" (seen under -race), "
     "an outcome and a waitgroup-misuse lockstep never shows"},
};

}  // namespace lockstep::differential
