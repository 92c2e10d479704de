#!/usr/bin/env bash
# One-shot search steps of naslab against PyTorch, side by side in one run: one step of DARTS (first
# and second order), GDAS and SPOS on the NAS-Bench-201 supernet (every candidate op of every edge
# on its own branch), the same supernet, batch, input, thread count and optimisers on both sides,
# then the ratios: step time and peak memory against PyTorch, and GDAS's (and ProxylessNAS's, once
# it exists) peak memory as a fraction of DARTS's.
#
#   NASLAB_BENCH_THREADS     kernel threads on both sides (default 2)
#   NASLAB_ONESHOT_BATCH     batch of each half (train and search; default 64)
#   NASLAB_ONESHOT_INPUT     sample shape, CxHxW (default 3x32x32, CIFAR-like)
#   NASLAB_ONESHOT_CHANNELS  C (default 16); NASLAB_ONESHOT_CELLS N per stage (default 5)
#   NASLAB_ONESHOT_STEPS     timed steps per method (default: darts1 5, darts2 3, gdas 8, spos 8)
#   NASLAB_BENCH_STEPS       methods to run (default "darts1 darts1-lean darts2 gdas spos proxyless"; darts1-lean
#                            is PyTorch only: its α step without the weights' gradients)
#   OMP_WAIT_POLICY          both sides' OpenMP waiting (default PASSIVE, as train.sh)
#   NASLAB_BENCH_RESULTS     file to keep the raw RESULT lines in (default: a temporary file)
#   NASLAB_BENCH_INSTALL     1 (default): pip-install torch when missing; 0: naslab figures only
#
# naslab's figures come from Tests/NASSearchTests/OneShotBenchmark.swift (runs only with
# NASLAB_BENCH=1), PyTorch's from scripts/reference/darts_nb201_torch.py; each method runs in its
# own process on each side so that the peak RSS belongs to it. The machine is shared: each figure is
# the best of several steps, with the load average next to it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export NASLAB_BENCH_THREADS="${NASLAB_BENCH_THREADS:-2}"
export NASLAB_ONESHOT_BATCH="${NASLAB_ONESHOT_BATCH:-64}" NASLAB_ONESHOT_INPUT="${NASLAB_ONESHOT_INPUT:-3x32x32}"
export OMP_NUM_THREADS="$NASLAB_BENCH_THREADS"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
steps="${NASLAB_BENCH_STEPS:-darts1 darts1-lean darts2 gdas spos proxyless}"
. scripts/reference/bench_prelude.sh

if ! python3 -c 'import torch' 2>/dev/null && [ "${NASLAB_BENCH_INSTALL:-1}" = "1" ]; then
  echo "installing torch from PyPI with pip (a large download; NASLAB_BENCH_INSTALL=0 skips this)"
  python3 -m pip install --quiet torch || echo "(could not install torch)"
fi
have_torch=0
python3 -c 'import torch' 2>/dev/null && have_torch=1

echo "threads $NASLAB_BENCH_THREADS, batch $NASLAB_ONESHOT_BATCH, input $NASLAB_ONESHOT_INPUT, OMP_WAIT_POLICY $OMP_WAIT_POLICY, $(nproc) cores, load $(load)"
if [ $have_torch = 1 ]; then
  python3 -c 'import torch; print(f"python: torch {torch.__version__}")'
else
  echo "python: torch not installed: naslab figures only"
fi
bench_build
bench_results_file
naslab() {  # naslab's step $1
  NASLAB_BENCH=1 NASLAB_BENCH_STEP="$1" swift test -c release -Xswiftc -enable-testing --skip-build \
    --filter "OneShotBenchmark" 2>&1 | grep -E '^(BENCH|RESULT)|error|Error' | tee -a "$results" | grep -v '^RESULT' || true
}
torch_side() {  # PyTorch's step $1 (the reference has no ProxylessNAS step: naslab's figure stands alone)
  [ $have_torch = 1 ] && [ "$1" != "proxyless" ] || return 0
  python3 scripts/reference/darts_nb201_torch.py --step "$1" 2>&1 | grep -E '^(BENCH|RESULT|Traceback|[A-Za-z]*Error)' \
    | tee -a "$results" | grep -v '^RESULT' || true
}
for step in $steps; do
  echo "-- $step (load $(load))"
  echo "LOAD step=$step load=$(load)" >> "$results"
  [ "$step" = "darts1-lean" ] || naslab "$step"
  torch_side "$step"
done
python3 scripts/reference/oneshot_compare.py < "$results"
