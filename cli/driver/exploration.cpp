// Placeholder until checker/explorer.hpp and vm/compiler.hpp land: reports honestly that
// exploration is not available.
#include "cli/driver/exploration.hpp"

#include "lang/assert.hpp"

namespace lockstep::cli {

checker::ScenarioResult explore_entry(const LoadedScenario&, const std::string&, const Settings&, const ExploreHooks&) {
    throw InternalError("exploration is not wired in yet (checker/explorer.hpp missing)");
}

SingleRun run_entry(const LoadedScenario&, const std::string&, const Settings&, const std::string*) {
    throw InternalError("exploration is not wired in yet (checker/explorer.hpp missing)");
}

}  // namespace lockstep::cli
