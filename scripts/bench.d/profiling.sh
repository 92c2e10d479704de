#!/usr/bin/env bash
# Black-box search-space profiling (Zeng et al., ASP-DAC 2020) on this machine: profile the basenet
# space (4 blocks × 6 positions) with real short training on an MNIST subset (mnist5k, 1,000 training
# and 500 validation images, 2 epochs) and latency measured by naslab's engine at one thread, keep
# the best 10% of the SSBNs, then search the full and the profiled space with the same strategy and
# trial budget under latency < the median SSBN latency, for several seeds. Prints the best accuracy,
# its latency, the search cost (trials and seconds, the profiling's own cost beside it) and the
# ratios beside the paper's (up to +12.7% accuracy, 2.2× lower latency, 4.35× less search time).
#
#   NASLAB_PROFILE_TRIALS     trials per search (default 20)
#   NASLAB_PROFILE_SEEDS      searches per space (default 3)
#   NASLAB_PROFILE_KEEP       share of SSBNs kept (default 0.1)
#   NASLAB_PROFILE_STRATEGY   the strategy (default evolution)
#   NASLAB_PROFILE_POSITIONS  positions per stage (default 2)
#   NASLAB_PROFILE_TRAIN, _VALID, _EPOCHS, _BATCH   the training recipe (1000, 500, 2, 32)
#
# The figures come from Tests/NASHardwareTests/ProfilingBenchmark.swift (runs only with NASLAB_BENCH=1).
# About 10 minutes on 2 cores; the machine is shared, so the load average is printed with the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
. scripts/reference/bench_prelude.sh
bench_build
NASLAB_BENCH=1 swift test -c release -Xswiftc -enable-testing --skip-build --filter "ProfilingBenchmark" 2>&1 \
  | grep -E '^(BENCH|RESULT)|error|Error' || true
