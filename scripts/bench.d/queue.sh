#!/usr/bin/env bash
# The trial queue: trials per second of one launched run of regularised evolution (population 10,
# sample 3) on the NAS-Bench-201 table (12 epochs) whose trials go through the store's queue, with
# 1 (the run's own thread, no queue), 2 and 4 in-process workers, batches of 4 proposals; a fresh
# workspace per run, best of 3. Every queued trial is written three times (enqueued, completed by a
# worker, told with its checkpoint) and the driver polls for its batch's results, so this measures the
# queue's overhead per trial: the evaluation itself is a table lookup.
# Usage: scripts/bench.d/queue.sh [TRIALS]   (default 2000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! build_log="$(swift build -c release --product naslab 2>&1)"; then
  echo "$build_log" | grep -E 'error' >&2
  exit 1
fi
trials="${1:-2000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() {  # workers
  cat > "$work/run.nas" <<NAS
r = launch(evolution(population: 10, sample: 3), on: nb201(), using: nb201(dataset: "cifar10", epochs: 12), budget: $trials, seed: 1, workers: $1, batch: 4)
wait(r)
assert status(r).trials == $trials
NAS
  local times=()
  for rep in 1 2 3; do
    rm -rf "$work/ws"
    local start end
    start=$(date +%s.%N)
    "$root/.build/release/naslab" --workspace "$work/ws" "$work/run.nas" >/dev/null
    end=$(date +%s.%N)
    times+=("$(python3 -c "import sys; print(float(sys.argv[1])-float(sys.argv[2]))" "$end" "$start")")
  done
  python3 -c "import sys; ts=[float(t) for t in sys.argv[3:]]; n=int(sys.argv[1]); print(f'workers {sys.argv[2]}: {n} trials, best {n/min(ts):.0f} trials per second (worst {n/max(ts):.0f})')" "$trials" "$1" "${times[@]}"
}
echo "== trial queue ($(date -u +%Y-%m-%dT%H:%MZ), release build; load: $(cut -d' ' -f1-3 /proc/loadavg))"
for workers in 1 2 4; do measure "$workers"; done
