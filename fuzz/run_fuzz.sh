#!/bin/sh
# `make fuzz`: checks that clang and libFuzzer are present (installing them on Debian when
# not), builds the fuzz targets in their own build directory, seeds each target's corpus
# from the scenario files and generated programs (tests/gen), and runs each target for SECONDS. Exits non-zero on any finding.
# With FUZZ_RUNS=N in the environment each target instead runs exactly N inputs from a fixed
# seed and a fresh corpus: a repeatable pass, which is what CI runs.
# Usage: fuzz/run_fuzz.sh BUILD_DIR SECONDS [TARGET...]
set -eu

build=${1:?build directory}
seconds=${2:?seconds per target}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# libFuzzer ships in clang's runtime (libclang-rt-NN-dev): proving it links is the only
# check that does not depend on how a distribution lays its files out.
have_libfuzzer() {
    command -v clang++ >/dev/null 2>&1 || return 1
    probe=$(mktemp -d)
    printf '#include <cstdint>\n#include <cstddef>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' >"$probe/p.cpp"
    clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" >/dev/null 2>&1
    ok=$?
    rm -rf "$probe"
    return $ok
}

if ! have_libfuzzer; then
    if [ -r /etc/debian_version ]; then
        sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        echo "fuzz: installing clang and libFuzzer (clang, libclang-rt-dev)"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang libclang-rt-dev
    fi
    have_libfuzzer || { echo "fuzz: clang++ with libFuzzer (-fsanitize=fuzzer) is required" >&2; exit 2; }
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOCKSTEP_FUZZ=ON >/dev/null

# Every fuzz/fuzz_*.cpp is a target; the CMake file decides which of them can be built yet.
if [ $# -eq 0 ]; then
    for src in fuzz/fuzz_*.cpp; do
        name=$(basename "$src" .cpp)
        [ "$name" = fuzz_input ] && continue
        ninja -C "$build" -t targets all 2>/dev/null | grep -q "^$name:" && set -- "$@" "$name"
    done
fi
[ $# -gt 0 ] || { echo "fuzz: no fuzz target is configured" >&2; exit 2; }
ninja -C "$build" "$@"
# The program generators (tests/gen) give well-typed seeds besides the scenarios.
gen_tool=""
if ninja -C "$build" lockstep_gen_tool >/dev/null 2>&1; then gen_tool="$build/tests/lockstep_gen"; fi

status=0
for target in "$@"; do
    corpus="$build/corpus-${target#fuzz_}"
    artifacts="$build/artifacts-${target#fuzz_}"
    if [ -n "${FUZZ_RUNS:-}" ]; then
        # Repeatable: a fresh corpus, a fixed input count and random seed give the same run.
        rm -rf "$corpus"
        budget="-runs=$FUZZ_RUNS -seed=1"
        what="$FUZZ_RUNS inputs"
    else
        budget="-max_total_time=$seconds"
        what="${seconds}s"
    fi
    mkdir -p "$corpus" "$artifacts"
    # Seeds are copied at fuzz time, so the scenarios are never committed twice; the
    # corpus libFuzzer grows on top of them stays in the build directory between runs.
    find scenarios tests/scenarios -name '*.go' | while read -r f; do
        cp "$f" "$corpus/seed-$(echo "$f" | tr / _)"
    done
    # 40 concurrent and 40 sequential generated programs (fixed seeds 0-39).
    [ -n "$gen_tool" ] && "$gen_tool" seeds "$corpus" 40
    echo "fuzz: $target for $what (corpus $corpus, findings in $artifacts/)"
    # -timeout: one input taking this long is a hang (a finding); -max_len keeps inputs
    # around the size of a real scenario.
    # shellcheck disable=SC2086
    if ! "$build/fuzz/$target" $budget -timeout=10 -max_len=16384 \
        -dict=fuzz/go.dict -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" \
        2>"$build/$target.log"; then
        status=1
        echo "fuzz: $target FOUND A PROBLEM; the input is in $artifacts/, the log in $build/$target.log" >&2
        grep -E "ERROR:|SUMMARY:|runtime error|fuzz finding|uncaught|deadly signal|timeout" "$build/$target.log" | head -20 >&2 || true
    fi
    grep -E "^stat::number_of_executed_units|^Done " "$build/$target.log" || true
done
exit $status
