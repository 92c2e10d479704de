#!/usr/bin/env bash
# Latency predictors and the few-shot device predictor (issue 15): on the shipped FBNet tables the
# FLOPs model and the learned predictor per device (fitted on 300 architectures, judged on 4,700);
# on the shipped NB201 tables each device held out in turn and predicted from 10 cells (siblings at
# other batch sizes kept in the prior and left out; HELP's own split beside HELP's published ρ);
# then this machine as an unseen device: 10 reference cells, held-out and training cells measured
# with naslab's engine at 1 thread (NB201 networks at 3×32×32, 10 classes), with the measurement
# noise (mean coefficient of variation of the timed calls) and a retest: the held-out cells measured
# again, the first measurement scored as a predictor of the second (the ceiling of every predictor).
#
#   NASLAB_PREDICT_HELD    held-out cells measured on this machine (default 200)
#   NASLAB_PREDICT_TRAIN   cells measured to fit the FLOPs and learned predictors (default 200; with more, each is fitted on
#                          the first 200 and on all of them)
#   NASLAB_PREDICT_REPEATS timed calls per measurement on this machine, after 5 warm-up calls (default 50)
#   NASLAB_PREDICT_METRIC  the statistic taken as latency: latency (the median call, default) or latency_p10
#   NASLAB_PREDICT_PASSES  passes over the held-out and training cells, each keeping its median pass (default 3)
#   NASLAB_PREDICT_REFERENCED 1 (default): every cell on this machine runs beside a reference cell and is scaled
#                          by it (ReferencedDevice), so that the machine's changes of speed cancel; 0: alone
#   NASLAB_PREDICT_DUMP    a file to write this machine's cells to (set, canonical cell, seconds, features), for study
#   NASLAB_BENCH_TESTS     which parts (a swift-testing filter; default all three)
#
# Figures come from Tests/NASHardwareTests/PredictorBenchmark.swift (runs only with NASLAB_BENCH=1).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
swift build -c release -Xswiftc -enable-testing --build-tests >/dev/null
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
NASLAB_BENCH=1 swift test -c release -Xswiftc -enable-testing --skip-build \
  --filter "PredictorBenchmark${NASLAB_BENCH_TESTS:+/$NASLAB_BENCH_TESTS}" 2>&1 | grep -E '^BENCH|error|Error' || true
