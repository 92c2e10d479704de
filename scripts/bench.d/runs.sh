#!/usr/bin/env bash
# Launched runs through the SQLite store: trials per second of one launched run of regularised
# evolution (population 10, sample 3) on the NAS-Bench-201 table, 5,000 trials, every trial recorded
# with its checkpoint in its own transaction; a fresh workspace per run, best of 3. The in-memory path
# (`simulate`) is the search bench's; this one is what `launch` costs.
#
# Set NASLAB_BASELINE_BIN to another naslab binary (an older release build) to measure it in the same
# run, side by side. Usage: scripts/bench.d/runs.sh [TRIALS]   (default 5000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! build_log="$(swift build -c release --product naslab 2>&1)"; then
  echo "$build_log" | grep -E 'error' >&2
  exit 1
fi
trials="${1:-5000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/run.nas" <<NAS
r = launch(evolution(population: 10, sample: 3), on: nb201(), using: nb201(dataset: "cifar10", epochs: 12), budget: $trials, seed: 1)
wait(r)
assert status(r).trials == $trials
NAS
measure() {  # binary label
  local best=""
  for rep in 1 2 3; do
    rm -rf "$work/ws"
    local start end
    start=$(date +%s.%N)
    "$1" --workspace "$work/ws" "$work/run.nas" >/dev/null
    end=$(date +%s.%N)
    best=$(python3 -c "import sys; t=float(sys.argv[1])-float(sys.argv[2]); b=sys.argv[3]; print(min(t, float(b)) if b else t)" "$end" "$start" "$best")
  done
  python3 -c "import sys; t=float(sys.argv[1]); n=int(sys.argv[2]); print(f'{sys.argv[3]:<10} {n} trials in {t:.2f} s: {n/t:.0f} trials per second')" "$best" "$trials" "$2"
}
echo "== launched runs ($(date -u +%Y-%m-%dT%H:%MZ), release build; load: $(cut -d' ' -f1-3 /proc/loadavg))"
measure "$root/.build/release/naslab" naslab
if [ -n "${NASLAB_BASELINE_BIN:-}" ]; then measure "$NASLAB_BASELINE_BIN" baseline; fi
