#!/usr/bin/env bash
# Training and inference of naslab's tensor engine against PyTorch (and onnxruntime for batch-1
# latency), side by side in one run: the same four networks (MLP, small CNN, NAS-Bench-201 network,
# MobileNetV2-style; 28x28x1 inputs), the same batch, the same thread count, then the ratios.
#
#   NASLAB_BENCH_THREADS  kernel threads on both sides (default 2): OMP_NUM_THREADS for naslab's
#                         oneDNN, torch.set_num_threads and onnxruntime's intra-op threads for Python
#   NASLAB_BENCH_BATCH    training batch (default 128)
#   NASLAB_BENCH_NETS     networks to run (default "mlp small-cnn nb201 mobilenetv2")
#   NASLAB_BENCH_ROUNDS   rounds of the interleaved batch-1 comparison with onnxruntime (default 20)
#   OMP_WAIT_POLICY      both sides' OpenMP waiting (default PASSIVE here; see below)
#   NASLAB_BENCH_RESULTS  file to keep the raw RESULT lines in (default: a temporary file)
#   NASLAB_BENCH_INSTALL  1 (default): pip-install torch, onnx, onnxruntime from PyPI when missing
#                         (about 1.5 min, a large download); 0: never install, naslab figures only
#
# naslab's figures come from Tests/NASTrainingTests/TrainingBenchmark.swift (runs only with
# NASLAB_BENCH=1), PyTorch's and onnxruntime's from scripts/reference/bench_torch.py; each network
# runs in its own process on each side so that the peak RSS belongs to it.
# scripts/reference/bench_compare.py prints the table. GFLOP/s figures are stated against this
# machine's own peak, measured first in the same run: oneDNN's 3x3 convolution and depthwise kernels
# alone (TrainingBenchmark/kernels, `RESULT side=onednn`), never against a fixed number; the small-op
# timings (ReLU, add, batch norm on 64 values, in µs) come from TrainingBenchmark/perOpOverhead. OpenMP teams spin: the load average is
# printed next to each network; under load, trust the best-of-n figures, not the medians.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export NASLAB_BENCH_THREADS="${NASLAB_BENCH_THREADS:-2}" NASLAB_BENCH_BATCH="${NASLAB_BENCH_BATCH:-128}"
export OMP_NUM_THREADS="$NASLAB_BENCH_THREADS"
# OpenMP threads that wait at a barrier sleep instead of spinning (both sides run GNU libgomp).
# On this shared 2-core machine spinning cost naslab's NB201 step 3x in wall time and 4x in CPU
# time (threads spin while their partner is descheduled); set OMP_WAIT_POLICY=ACTIVE on an idle machine.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
nets="${NASLAB_BENCH_NETS:-mlp small-cnn nb201 mobilenetv2}"
. scripts/reference/bench_prelude.sh

python_ready() { python3 -c 'import torch, onnx, onnxruntime' 2>/dev/null; }
if ! python_ready && [ "${NASLAB_BENCH_INSTALL:-1}" = "1" ]; then
  missing=()
  for pkg in torch onnx onnxruntime; do python3 -c "import $pkg" 2>/dev/null || missing+=("$pkg"); done
  echo "installing ${missing[*]} from PyPI with pip (about 1.5 min; NASLAB_BENCH_INSTALL=0 skips this)"
  python3 -m pip install --quiet "${missing[@]}" || echo "(could not install ${missing[*]})"
fi
have_torch=0
python_ready && have_torch=1

echo "threads $NASLAB_BENCH_THREADS, batch $NASLAB_BENCH_BATCH, OMP_WAIT_POLICY $OMP_WAIT_POLICY, $(nproc) cores, load $(load)"
if [ $have_torch = 1 ]; then
  python3 -c 'import torch, onnx, onnxruntime; print(f"python: torch {torch.__version__}, onnx {onnx.__version__}, onnxruntime {onnxruntime.__version__}")'
else
  echo "python: torch/onnx/onnxruntime not installed: naslab figures only"
fi
bench_build
bench_results_file
naslab() {  # naslab's benchmark test $1 (kernels | networks), network $2
  NASLAB_BENCH=1 NASLAB_BENCH_NET="${2:-}" swift test -c release -Xswiftc -enable-testing --skip-build \
    --filter "TrainingBenchmark/$1" 2>&1 | grep -E '^(BENCH|RESULT)' | tee -a "$results" | grep '^BENCH' || true
}
torch_side() {
  [ $have_torch = 1 ] || return 0
  python3 scripts/reference/bench_torch.py "$@" 2>&1 | grep -E '^(BENCH|RESULT|Traceback|[A-Za-z]*Error)' \
    | tee -a "$results" | grep -v '^RESULT' || true
}

echo "-- kernels: the machine's peak (oneDNN alone), naslab's ops, PyTorch (load $(load))"
naslab kernels
torch_side --kernels
grep '^RESULT side=torch kernel' "$results" | sed 's/^RESULT side=torch /BENCH torch /' || true
for net in $nets; do
  echo "-- $net (load $(load))"
  echo "LOAD net=$net load=$(load)" >> "$results"
  naslab networks "$net"
  torch_side --net "$net"
done
# The load of a shared machine changes by the minute: the peak is measured again after the
# networks, and bench_compare.py keeps the faster of the two measurements of each kernel.
echo "-- kernels again, for the peak (load $(load))"
naslab kernels
echo "-- small ops (load $(load))"
naslab perOpOverhead
echo "-- batch-1 plan settings (load $(load))"
naslab latencySettings
# onnxruntime's intra-op pool spins a while before it sleeps (its default, allow_spinning=1); the
# like-for-like batch-1 figure runs naslab as scripts/naslab does by default, its OpenMP threads
# spinning 30,000 pauses (about 0.7 ms) before they sleep, each network in its own process.
echo "-- batch-1 latency with naslab's default waiting, GOMP_SPINCOUNT=30000 (load $(load))"
for net in $nets; do
  echo "LOAD net=$net-spin load=$(load)" >> "$results"
  (unset OMP_WAIT_POLICY; GOMP_SPINCOUNT=30000 naslab spinningLatency "$net")
done
# The two figures above come from separate processes run one after the other, and this machine's
# speed moves by tens of percent from one second to the next: here the two sides' calls alternate in
# short turns within one run (naslab's test process driving onnxruntime's helper process), so that a
# slow moment reaches both.
if [ $have_torch = 1 ]; then
  echo "-- batch-1 latency interleaved with onnxruntime, GOMP_SPINCOUNT=30000 (load $(load))"
  onnx_dir="$(mktemp -d)"
  python3 scripts/reference/bench_torch.py --export-onnx "$onnx_dir" 2>/dev/null
  for net in $nets; do
    echo "LOAD net=$net-interleaved load=$(load)" >> "$results"
    (unset OMP_WAIT_POLICY; export NASLAB_BENCH_ONNX_DIR="$onnx_dir"; GOMP_SPINCOUNT=30000 naslab interleavedLatency "$net")
  done
  rm -rf "$onnx_dir"
fi
python3 scripts/reference/bench_compare.py < "$results"
