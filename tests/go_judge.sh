#!/usr/bin/env bash
# Runs every lockstep scenario under real Go and prints what Go itself shows,
# next to the scenario's //lockstep:expect line, so the suite's expectations
# can be checked against the real runtime and race detector.
#
# usage: tests/go_judge.sh [-n RUNS] [-t SECONDS] [PATH...]
#   PATH      scenario files or directories (default: scenarios tests/scenarios)
#   -n RUNS   runs per GOMAXPROCS value (1, 2, 4) and per mode (default 5)
#   -t SECS   timeout of one run (default 3; the scenarios run in milliseconds)
#
# Each file is built twice (plain and -race) and each binary run RUNS times
# with GOMAXPROCS=1, 2 and 4. A run is classified by what Go printed:
#   ok              exit 0 and stdout matches the Output block (if any)
#   race            the race detector printed "WARNING: DATA RACE"
#   deadlock        "fatal error: all goroutines are asleep - deadlock!"
#   fatal:MSG       another "fatal error: MSG" (e.g. sync: unlock of unlocked mutex)
#   panic:MSG       "panic: MSG" (first line, goroutine details dropped)
#   output          stdout differs from the // Output: / // Unordered output: block
#   timeout         still running after the timeout (a hang Go did not detect).
#                   Under -race a deadlock always shows as a timeout: the race
#                   runtime disables Go's "all goroutines are asleep" check
#                   (golang/go#20588). After 2 timeouts a mode's remaining
#                   runs are skipped and counted as "skipped".
#   exit:N          any other non-zero exit status
# The table shows, per mode, each class with the number of runs that showed it.
# The vet column is `go vet`'s verdict (copylocks and friends).
#
# Go is not needed to build or test lockstep; without it this script says so
# and exits 0.
set -u

runs=5
limit=3
while getopts "n:t:h" opt; do
    case $opt in
    n) runs=$OPTARG ;;
    t) limit=$OPTARG ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

if ! command -v go >/dev/null 2>&1; then
    echo "go_judge: skipped: no 'go' on PATH (install golang-go to judge the scenarios against real Go)"
    exit 0
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
[ $# -eq 0 ] && set -- scenarios tests/scenarios

export GOCACHE=${GOCACHE:-/tmp/gocache}
export GOPATH=${GOPATH:-/tmp/gopath}
export GO111MODULE=off
export GOFLAGS=
# Keep going after the first race so a run's report is complete, but do not
# let the race detector's exit status hide a panic's.
export GORACE="halt_on_error=0"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=()
for p in "$@"; do
    if [ -d "$p" ]; then
        while IFS= read -r f; do files+=("$f"); done < <(find "$p" -name '*.go' ! -name '*_test.go' | sort)
    else
        files+=("$p")
    fi
done

# want_output FILE: prints the Output block's lines (sorted if unordered);
# exit status 1 if the file has none.
want_output() {
    awk '
        /^[ \t]*\/\/ (Unordered output|Output):/ {
            inblock = 1; found = 1
            if ($0 ~ /Unordered/) unordered = 1
            next
        }
        inblock && /^[ \t]*\/\// { sub(/^[ \t]*\/\/ ?/, ""); print; next }
        inblock { inblock = 0 }
        END { exit found ? 0 : 1 }
    ' "$1" >"$work/want.raw" || return 1
    if grep -q '^[[:space:]]*// Unordered output:' "$1"; then
        trim <"$work/want.raw" | sort
    else
        trim <"$work/want.raw"
    fi
}

# trim: drops leading and trailing blank lines and trailing spaces, like
# Go's example comparison (strings.TrimSpace of the whole output).
trim() {
    sed 's/[[:space:]]*$//' | awk '
        { lines[NR] = $0 }
        END {
            first = 1; while (first <= NR && lines[first] == "") first++
            last = NR; while (last >= first && lines[last] == "") last--
            for (i = first; i <= last; i++) print lines[i]
        }'
}

# classify BIN FILE HASWANT UNORDERED: runs BIN once, prints its classes.
classify() {
    local bin=$1 has_want=$2 unordered=$3 rc classes=()
    timeout "$limit" "$bin" >"$work/out" 2>"$work/err"
    rc=$?
    if [ $rc -eq 124 ]; then classes+=("timeout"); fi
    if grep -q 'WARNING: DATA RACE' "$work/err"; then classes+=("race"); fi
    if grep -q '^fatal error: all goroutines are asleep - deadlock!' "$work/err"; then
        classes+=("deadlock")
    elif grep -q '^fatal error: ' "$work/err"; then
        classes+=("fatal:$(grep -m1 '^fatal error: ' "$work/err" | sed 's/^fatal error: //')")
    fi
    if grep -q '^panic: ' "$work/err"; then
        classes+=("panic:$(grep -m1 '^panic: ' "$work/err" | sed -e 's/^panic: //' -e 's/ \[recovered\]$//' -e 's/^\(.*\) \[signal .*$/\1/')")
    fi
    if [ "$has_want" = 1 ] && [ $rc -ne 124 ]; then
        if [ "$unordered" = 1 ]; then
            trim <"$work/out" | sort >"$work/got"
        else
            trim <"$work/out" >"$work/got"
        fi
        cmp -s "$work/got" "$work/want" || classes+=("output")
    fi
    if [ ${#classes[@]} -eq 0 ]; then
        case $rc in
        0) classes+=("ok") ;;
        66) ;; # race detector's status, already classified
        *) classes+=("exit:$rc") ;;
        esac
    fi
    printf '%s\n' "${classes[@]}"
}

# judge BIN: runs BIN runs times at each GOMAXPROCS; prints "class×count ...".
judge() {
    local bin=$1 has_want=$2 unordered=$3 procs i timeouts=0
    : >"$work/classes"
    for procs in 1 2 4; do
        for ((i = 0; i < runs; i++)); do
            if [ $timeouts -ge 2 ]; then
                echo skipped >>"$work/classes"
                continue
            fi
            GOMAXPROCS=$procs classify "$bin" "$has_want" "$unordered" >"$work/one"
            grep -q '^timeout$' "$work/one" && timeouts=$((timeouts + 1))
            cat "$work/one" >>"$work/classes"
        done
    done
    sort "$work/classes" | uniq -c | sort -rn | awk '{c=$1; $1=""; sub(/^ /,""); printf "%s%s×%d", sep, $0, c; sep=" "} END {print ""}'
}

total=$((runs * 3))
printf 'go_judge: %s, %d runs per mode (GOMAXPROCS=1,2,4 x %d), timeout %ss\n\n' "$(go version | awk '{print $3}')" "$total" "$runs" "$limit"
{
printf '%s\t%s\t%s\t%s\t%s\n' "FILE" "EXPECT" "VET" "GO RUN" "GO RUN -RACE"
for f in "${files[@]}"; do
    expect=$(grep -m1 '^[[:space:]]*//lockstep:expect' "$f" | sed 's/^[[:space:]]*\/\/lockstep:expect[[:space:]]*//')
    [ -n "$expect" ] || expect="(no expect line)"
    if want_output "$f" >"$work/want"; then has_want=1; else has_want=0; fi
    unordered=0
    grep -q '^[[:space:]]*// Unordered output:' "$f" && unordered=1

    if ! go build -o "$work/plain" "$f" 2>"$work/builderr"; then
        printf '%s\t%s\t%s\t%s\t%s\n' "$f" "$expect" "-" "build failed: $(head -1 "$work/builderr")" "-"
        continue
    fi
    if go vet "$f" >"$work/vet" 2>&1; then
        vet=ok
    else
        vet=$(grep -v '^#' "$work/vet" | sed -e 's/^[^ ]*: //' | sort -u | paste -sd ';' -)
    fi
    plain=$(judge "$work/plain" "$has_want" "$unordered")
    if go build -race -o "$work/race" "$f" 2>"$work/builderr"; then
        race=$(judge "$work/race" "$has_want" "$unordered")
    else
        race="build failed"
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$f" "$expect" "$vet" "$plain" "$race"
done
} | column -t -s "$(printf '\t')"
