#!/usr/bin/env bash
# Training and inference throughput of naslab's tensor engine (release build), and, when PyTorch
# is available, the same networks in PyTorch side by side.
#
#   NASLAB_BENCH_THREADS  kernel threads (default 2)       NASLAB_BENCH_BATCH  training batch (default 128)
#   NASLAB_BENCH_TORCH=1  install torch from PyPI if it is missing (large download)
#
# naslab's figures come from Tests/NASTrainingTests/TrainingBenchmark.swift, which runs only with
# NASLAB_BENCH=1; PyTorch's from scripts/reference/bench_torch.py (same networks and recipe).
# Run it on an otherwise idle machine: OpenMP teams spin, and timings under load mean little.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export NASLAB_BENCH_THREADS="${NASLAB_BENCH_THREADS:-2}" NASLAB_BENCH_BATCH="${NASLAB_BENCH_BATCH:-128}"
echo "threads $NASLAB_BENCH_THREADS, batch $NASLAB_BENCH_BATCH, peak for comparison ~480 GFLOP/s (2 threads, oneDNN 3x3 conv)"
swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
echo "-- naslab"
NASLAB_BENCH=1 OMP_NUM_THREADS="$NASLAB_BENCH_THREADS" \
  swift test -c release -Xswiftc -enable-testing --skip-build --filter TrainingBenchmark 2>&1 | grep '^BENCH' || true
if ! python3 -c 'import torch' 2>/dev/null && [ "${NASLAB_BENCH_TORCH:-0}" = "1" ]; then
  python3 -m pip install --quiet torch || echo "(could not install torch)"
fi
if python3 -c 'import torch' 2>/dev/null; then
  echo "-- PyTorch $(python3 -c 'import torch; print(torch.__version__)')"
  OMP_NUM_THREADS="$NASLAB_BENCH_THREADS" python3 scripts/reference/bench_torch.py
else
  echo "-- PyTorch: not installed (set NASLAB_BENCH_TORCH=1 to install it from PyPI); no side-by-side figures"
fi
