// The lost-update detector: per location a version counter and, per goroutine, the
// version it last read. A write by A whose last read is older than the current version,
// written by another goroutine B, overwrites B's write without having seen it.
#pragma once

#include <cstdint>
#include <vector>

#include "checker/found_bug.hpp"

namespace lockstep::checker {

class LostUpdateDetector {
public:
    void reset();
    void on_read(uint32_t loc, vm::Gid g, uint32_t site, uint32_t step);
    bool on_write(uint32_t loc, vm::Gid g, uint32_t site, uint32_t step, FoundBug& bug);
    // An atomic Add whose result is dropped (it commutes with the others: see
    // RaceDetector::on_commuting_write). It uses up g's read like a write; a later write
    // by A loses the Adds of the other goroutines since A's read, whatever their order
    // (the one reported: the lowest goroutine's).
    void on_commuting_write(uint32_t loc, vm::Gid g, uint32_t site, uint32_t step);

private:
    struct Read {
        vm::Gid g;
        uint32_t version;
        uint32_t site;
        uint32_t step;
    };
    struct Location {
        uint32_t version = 0;
        vm::Gid writer = 0;
        uint32_t write_site = 0;
        uint32_t write_step = 0;
        // The commuting Adds since the last other write (none: `writer` wrote last), one
        // per goroutine (its latest), by goroutine.
        struct Add {
            vm::Gid g;
            uint32_t site, step;
        };
        std::vector<Add> adds;
        std::vector<Read> reads;  // one per goroutine
    };
    Location& location(uint32_t loc);

    std::vector<Location> m_locations;
    uint32_t m_used = 0;
};

}  // namespace lockstep::checker
