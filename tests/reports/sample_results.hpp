// Hand-built scenario results shared by the report tests: a lost update with its trace, a
// deadlock, a verified clean run, a bounded run and an expectation mismatch.
#pragma once

#include <vector>

#include "checker/result.hpp"

namespace lockstep::reports::testing {

checker::ScenarioResult lost_update_result();
checker::ScenarioResult deadlock_result();
checker::ScenarioResult verified_result();
checker::ScenarioResult bounded_result();
checker::ScenarioResult mismatch_result();
// A trace of 60 steps with one decisive step in the middle, to exercise elision.
checker::ScenarioResult long_trace_result();

}  // namespace lockstep::reports::testing
