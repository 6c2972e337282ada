// The comparisons the generator tests make, each returning "" when the two sides agree and
// otherwise a one-paragraph description of the first disagreement.
#pragma once

#include <string>

#include "lockstep_batch.hpp"
#include "tests/differential/go_runs.hpp"

namespace lockstep::gen_test {

// dpor against the naive reference: same bug kinds, same outcome sets (as multisets of
// lines: prints of different goroutines commute). Only when naive's search was complete
// (else *skipped); dpor must then be complete too.
std::string compare_dpor_naive(const BatchResult& dpor, const BatchResult& naive, bool* skipped);

// A lockstep report that is no verdict at all: a crash (exit 3), no JSON, a rejected
// generated program (which `go build` accepts).
std::string lockstep_failure(const BatchResult& r);

// Real Go against dpor's report: every Go outcome among lockstep's (when its outcome list
// is exhaustive), every crash's kind and every race found, every plain hang explained.
std::string compare_go(const differential::GoObservation& go, const LockstepResult& dpor);

}  // namespace lockstep::gen_test
