#!/usr/bin/env bash
# Scale-out through PostgreSQL (docs/scale-out.md), on a throw-away server on loopback:
# 1. Queue overhead: trials per second of random search on the NAS-Bench-201 table driven by one
#    script (`workers: 0`) and evaluated by 1, 2 and 4 `naslab worker` processes, beside Optuna's RDB
#    storage driving the same number of random-search trials with as many processes on the same
#    server (scripts/reference/optuna_queue.py). Both are timed from their trials' timestamps (first
#    start to last end), so process start-up is left out of both. Aim: at least 10× Optuna.
# 2. Scaling on real training: trials per hour of 1 worker against 2 workers, each training with one
#    thread (train(…, threads: 1)) on the digits. Aim: at least 1.7×. Random search proposes without
#    results, so the driver queues the whole budget as one batch: batches of 8 made every batch wait for
#    its slowest trial while the other worker idled (1.60–1.74× measured that way).
# Needs PostgreSQL (NASLAB_WITH_POSTGRES=1 scripts/setup) and, for Optuna, pip's optuna and psycopg2-binary
# (installed when missing unless NASLAB_BENCH_INSTALL=0).
# Usage: scripts/bench.d/distributed.sh [TRIALS]   (default 1000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
trials="${1:-1000}"
if ! build_log="$(swift build -c release --product naslab 2>&1)"; then echo "$build_log" | grep -E 'error' >&2; exit 1; fi
naslab="$root/.build/release/naslab"
if [ "${NASLAB_BENCH_INSTALL:-1}" = 1 ] && ! python3 -c 'import optuna, psycopg2' 2>/dev/null; then
  echo "installing optuna and psycopg2-binary from PyPI (NASLAB_BENCH_INSTALL=0 skips this)"
  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet optuna psycopg2-binary || echo "(could not install optuna)"
fi
work=$(mktemp -d)
chmod 755 "$work"   # the postgres user runs the server from a folder inside it
url=$(scripts/pg-throwaway start "$work/pg")
trap 'scripts/pg-throwaway stop "$work/pg"; rm -rf "$work"' EXIT
# Optuna gets a database of its own on the same server (its RDB schema also has a table named trials).
psql "$url" -qc "CREATE DATABASE optuna" >/dev/null
optuna_url="${url%/*}/optuna"
echo "== distributed ($(date -u +%Y-%m-%dT%H:%MZ), release build, PostgreSQL on loopback; load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores)"

# Runs a driver script with K workers on a database of its own (a run of the same seed in the same store
# would be answered from the cache); prints "trials seconds" from the run's trial timestamps.
drive() {  # workers script
  local workers=$1 script=$2
  local database="naslab_$(date +%s%N)"   # drive runs in a subshell: a counter would not survive it
  psql "$url" -qc "CREATE DATABASE $database" >/dev/null
  local store="${url%/*}/$database"
  "$naslab" --store "$store" --workspace "$work/ws" "$script" > "$work/driver.out" 2>&1 &
  local driver=$!
  local pids=()
  for _ in $(seq 1 "$workers"); do
    "$naslab" worker --store "$store" --idle-exit 2 > /dev/null 2>&1 &
    pids+=($!)
  done
  wait "$driver" || { cat "$work/driver.out" >&2; return 1; }
  wait "${pids[@]}" 2>/dev/null || true
  grep '^measured' "$work/driver.out" | tail -1 | cut -d' ' -f2-
}

table_script() {  # a driver that launches random search on the table and reports its span
  cat > "$work/table.nas" <<NAS
r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10", epochs: 12), budget: $trials, seed: 1, workers: 0, batch: 16)
wait(r)
q = sql("select count(*) as n, max(finished_at) - min(started_at) as span from trials where run_id = " + str(r.id))
assert q.n[0] == $trials, "every trial was evaluated"
print("measured", q.n[0], q.span[0])
NAS
}

echo "-- queue overhead: $trials trials of random search on the NB201 table"
table_script
for workers in 1 2 4; do
  read -r n span < <(drive "$workers" "$work/table.nas")
  naslab_rate=$(python3 -c "print(f'{$n / $span:.0f}')")
  optuna_line=$(python3 scripts/reference/optuna_queue.py --url "$optuna_url" --trials "$trials" --workers "$workers" 2>/dev/null || echo "")
  optuna_rate=$(echo "$optuna_line" | sed -n 's/.*trials_per_second=\([0-9.]*\).*/\1/p')
  if [ -n "$optuna_rate" ]; then
    ratio=$(python3 -c "print(f'{$naslab_rate / $optuna_rate:.1f}')")
    echo "workers $workers: naslab $naslab_rate trials/s, optuna $optuna_rate trials/s: naslab/optuna ${ratio}× (aim ≥ 10×)"
  else
    echo "workers $workers: naslab $naslab_rate trials/s (optuna not available)"
  fi
done

echo "-- scaling on real training: 1 worker against 2, one thread each"
cat > "$work/train.nas" <<NAS
data = dataset("digits", seed: 1)
space = nb201(channels: 8, cells: 1)
r = launch(random(), on: space, using: train(data, epochs: 3, batch: 32, threads: 1), budget: 24, seed: 1, workers: 0, batch: 24)
wait(r)
q = sql("select count(*) as n, max(finished_at) - min(started_at) as span from trials where run_id = " + str(r.id))
print("measured", q.n[0], q.span[0])
NAS
read -r n1 span1 < <(drive 1 "$work/train.nas")
read -r n2 span2 < <(drive 2 "$work/train.nas")
python3 -c "
one, two = $n1 * 3600 / $span1, $n2 * 3600 / $span2
print(f'1 worker: {one:.0f} trials/hour; 2 workers: {two:.0f} trials/hour: {two / one:.2f}× (aim ≥ 1.7×)')"
