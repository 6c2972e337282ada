// Copies of sync values copy their state, as Go's assignment copies their bytes: a copied
// locked Mutex is locked, a copied WaitGroup keeps its counter, a copied done Once is done.
// The happens-before clocks are not copied (Go's race detector sees a different address),
// nor the goroutines parked on the original (they wait on the original's semaphore).
#include "checker/execution.hpp"

namespace lockstep::checker {

void Execution::apply_sync_copies() {
    const size_t n = m_program.sync_copy_count();
    for (; m_copies_seen < n; ++m_copies_seen) {
        auto [copy, original] = m_program.sync_copy(m_copies_seen);
        if (original >= m_sync.size() || !m_sync[original].used) continue;  // a zero value: nothing to copy
        const SyncObject src = m_sync[original];  // sync_object may grow m_sync
        SyncObject& dst = sync_object(copy);
        dst.mutex = src.mutex;
        dst.once = src.once;
        dst.wg.reset();
        bool from_zero = false;
        if (src.wg.counter() > 0) (void)dst.wg.add(src.wg.counter(), from_zero);
    }
}

}  // namespace lockstep::checker
