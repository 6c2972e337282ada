// Scripted programs shared by the checker tests: the locked-counter family and the small
// buggy programs the chapter is about.
#pragma once

#include "scripted_program.hpp"

namespace lockstep::test {

// Sync ids: mutex 0, waitgroup 1. Memory: x = 0.
// N goroutines each do K times { mu.Lock(); x = x + 1; mu.Unlock() } then wg.Done();
// main does wg.Add(1) before each go, wg.Wait(), then reads x under the lock and prints it.
inline ScriptedProgram locked_counter(int n, int k) {
    Script main{"main", {}};
    for (int i = 0; i < n; ++i) {
        main.ops.push_back(wg_add(1, 1));
        main.ops.push_back(go(1));
    }
    main.ops.push_back(wg_wait(1));
    main.ops.push_back(lock(0));
    main.ops.push_back(load(0, 0));
    main.ops.push_back(unlock(0));
    main.ops.push_back(print("count ", 0));
    Script worker{"main.worker", {}};
    for (int j = 0; j < k; ++j) {
        worker.ops.push_back(lock(0));
        worker.ops.push_back(load(0, 0));
        worker.ops.push_back(store(0, 0, 1));
        worker.ops.push_back(unlock(0));
    }
    worker.ops.push_back(wg_done(1));
    return ScriptedProgram({main, worker});
}

// The same without the lock: N goroutines each do x = x + 1 once.
inline ScriptedProgram unsafe_counter(int n) {
    Script main{"main", {}};
    for (int i = 0; i < n; ++i) {
        main.ops.push_back(wg_add(1, 1));
        main.ops.push_back(go(1));
    }
    main.ops.push_back(wg_wait(1));
    main.ops.push_back(load(0, 0));
    main.ops.push_back(print("count ", 0));
    Script worker{"main.worker", {load(0, 0), store(0, 0, 1), wg_done(1)}};
    return ScriptedProgram({main, worker});
}

}  // namespace lockstep::test
