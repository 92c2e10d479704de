#!/usr/bin/env bash
# Benchmarks of NASSearch on the NAS-Bench-201 table (not a test):
#  1. Reproduction of NATS-Bench's multi-trial results: random search, regularised evolution (REA),
#     REINFORCE and BOHB on CIFAR-10, CIFAR-100 and ImageNet16-120, searching on the 12-epoch
#     validation accuracy under a simulated time budget and reporting the chosen cell's 200-epoch
#     validation and test accuracy (mean ± std over many seeds) beside the published figures.
#  2. Speed: one full 20,000 s simulated REA run (Swift: RegularizedEvolution + SearchLoop +
#     NB201Evaluator) against a plain-Python REA over the same table (scripts/reference/search_baseline.py).
#
# Both sides load their table once, outside the timing, and are timed in CPU time of their own process
# (other benchmarks on a shared machine inflate wall time far more) over 5 batches of 1,000 runs
# (seeds 0..999); the ratio is given on the minimum and on the median batch.
#
# Builds the libraries in release mode, compiles the small driver below against their objects and runs it.
# Usage: scripts/bench.d/search.sh [speed|profile]   (speed: only part 2; profile: callgrind instructions per trial;
#                                     NASLAB_SEARCH_SEEDS=N: seeds per cell, default 100;
#                                     NASLAB_SEARCH_BANANAS_SEEDS=N: BANANAS seeds on CIFAR-10, default 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --target NASSearch >/dev/null
swift build -c release --target NASBenchmarks >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp scripts/bench.d/search_driver.swift "$WORK/main.swift"
OBJS=$(ls "$BIN"/NASCore.build/*.o "$BIN"/NASSpaces.build/*.o "$BIN"/NASBenchmarks.build/*.o "$BIN"/NASSearch.build/*.o)
swiftc -O -module-name SearchBenchDriver -I "$BIN/Modules" -I "$BIN" -I Sources/CZlib "$WORK/main.swift" $OBJS -lz \
    -o "$WORK/bench" 2>&1 | grep -v '^$' || true
if [ "${1:-}" = profile ]; then
    # Instructions per trial of the speed run (callgrind counts only the driver's profiledRuns: 200 runs).
    valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" --collect-atstart=no \
        --toggle-collect='*profiledRuns*' "$WORK/bench" - 0 0 profile 2>"$WORK/cg.log" | tee "$WORK/profile.txt"
    TRIALS=$(awk '$1 == "profile:" { print $2 }' "$WORK/profile.txt")
    IR=$(awk '/^summary:|^totals:/ { print $2; exit }' "$WORK/cg.out")
    echo "instructions: $IR in $TRIALS trials = $(( IR / TRIALS )) per trial"
    [ -n "${NASLAB_CALLGRIND_KEEP:-}" ] && cp "$WORK/cg.out" "$NASLAB_CALLGRIND_KEEP"
    exit 0
fi
echo "== NASSearch ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), release build; load: $(cut -d' ' -f1-3 /proc/loadavg))"
PY=$(python3 scripts/reference/search_baseline.py --runs 1000 --batches 5)
echo "$PY" | sed 's/^/python: /'
PY_MS=$(echo "$PY" | awk '$1 == "python_rea_run_ms" { m = $2 } $1 == "python_rea_run_ms_median" { d = $2 } END { print m "/" d }')
"$WORK/bench" "$PY_MS" "${NASLAB_SEARCH_SEEDS:-100}" "${NASLAB_SEARCH_BANANAS_SEEDS:-10}" "${1:-all}"
