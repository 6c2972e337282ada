// The detectors' part of commuting atomic Adds (docs/semantics.md, "Commuting
// operations"): the race and lost-update detectors end in the same verdicts whichever
// order two dropped Adds ran in, so exploring one order hides nothing.
#include <catch2/catch.hpp>

#include "checker/lost_update_detector.hpp"
#include "checker/race_detector.hpp"

using namespace lockstep;
using namespace lockstep::checker;

namespace {
VectorClock clock_of(std::initializer_list<std::pair<vm::Gid, uint32_t>> entries) {
    VectorClock c;
    c.ensure(4);
    for (auto [g, t] : entries) c.set(g, t);
    return c;
}
}  // namespace

TEST_CASE("a plain access races with every dropped Add it is not ordered after, in either order of the Adds", "[detectors][commute]") {
    const VectorClock c1 = clock_of({{1, 1}}), c2 = clock_of({{2, 1}});
    // Goroutine 3 has seen goroutine 2's Add only (it synchronized with 2 some other way).
    const VectorClock c3 = clock_of({{2, 1}, {3, 1}});
    for (bool one_first : {true, false}) {
        INFO("goroutine 1's Add first: " << one_first);
        RaceDetector r;
        r.reset();
        FoundBug bug;
        if (one_first) {
            CHECK_FALSE(r.on_commuting_write(0, 1, c1, 10, 0, bug));
            CHECK_FALSE(r.on_commuting_write(0, 2, c2, 20, 1, bug));
        } else {
            CHECK_FALSE(r.on_commuting_write(0, 2, c2, 20, 0, bug));
            CHECK_FALSE(r.on_commuting_write(0, 1, c1, 10, 1, bug));
        }
        // An atomic load never races with them; a plain read races with goroutine 1's.
        CHECK_FALSE(r.on_read(0, 3, c3, 30, 2, false, bug, true));
        REQUIRE(r.on_read(0, 3, c3, 31, 3, false, bug));
        CHECK(bug.kind == BugKind::DataRace);
        CHECK(bug.steps[1] == (one_first ? 0u : 1u));  // goroutine 1's Add
    }
}

TEST_CASE("a dropped Add checks the plain accesses before it and leaves them", "[detectors][commute]") {
    // Goroutine 1 reads x; goroutine 2, which has not seen the read, adds: a plain read
    // against an atomic write races.
    auto read_then_add = [](RaceDetector& r, FoundBug& bug) {
        r.reset();
        CHECK_FALSE(r.on_read(0, 1, clock_of({{1, 1}}), 10, 0, false, bug));
        CHECK(r.on_commuting_write(0, 2, clock_of({{2, 1}}), 20, 1, bug));
    };
    RaceDetector r;
    FoundBug bug;
    read_then_add(r, bug);
    // A Store by goroutine 3, which saw the read and the Add: no race.
    CHECK_FALSE(r.on_write(0, 3, clock_of({{1, 1}, {2, 1}, {3, 1}}), 30, 2, false, bug, true));
    // One by a goroutine that saw only the Add still races with the read: the Add did
    // not replace it as an ordinary write would.
    read_then_add(r, bug);
    REQUIRE(r.on_write(0, 3, clock_of({{2, 1}, {3, 1}}), 30, 2, false, bug, true));
    CHECK(bug.steps[1] == 0u);
}

TEST_CASE("the lost-update verdict does not depend on the order of dropped Adds", "[detectors][commute]") {
    for (bool own_last : {true, false}) {
        INFO("goroutine 1's own Add last: " << own_last);
        LostUpdateDetector l;
        l.reset();
        FoundBug bug;
        l.on_read(0, 1, 10, 0);   // goroutine 1 reads x
        l.on_read(0, 3, 11, 1);   // goroutine 3 reads x
        // Goroutines 1 and 2 add (1's Add uses up its read); 3 writes from its stale read.
        if (own_last) {
            l.on_commuting_write(0, 2, 20, 2);
            l.on_commuting_write(0, 1, 12, 3);
        } else {
            l.on_commuting_write(0, 1, 12, 2);
            l.on_commuting_write(0, 2, 20, 3);
        }
        REQUIRE(l.on_write(0, 3, 30, 4, bug));
        CHECK(bug.kind == BugKind::LostUpdate);
        CHECK(bug.steps[1] == (own_last ? 3u : 2u));  // goroutine 1's Add, the lowest other goroutine's
        // Goroutine 1's own write after its Add: its read was used up, nothing lost.
        CHECK_FALSE(l.on_write(0, 1, 13, 5, bug));
    }
}
