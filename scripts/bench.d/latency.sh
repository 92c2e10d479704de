#!/usr/bin/env bash
# Latency tables against measurements on this machine: a plain LUT sum and Zeng et al.'s corrections
# (method 1, one reference specified network; method 2, all of them averaged; each also rescaled to 20
# random networks, "calibrated") predicting held-out
# random architectures measured whole, with the share within ±10% (nn-Meter's figure), MAPE, the mean
# signed error (bias), RMSE, Kendall τ, the held-out measurements' CV and the whole-network measurements
# each method cost.
#
#   NASLAB_LATENCY_SPACES   blockwise spaces to run: fbnet (default), fbnet_0.35 (FBNet-96-0.35's channels), basenet
#   NASLAB_LATENCY_INPUT    sample shape CxHxW (default 3x64x64)
#   NASLAB_LATENCY_HELDOUT  held-out architectures per space (default 200)
#   NASLAB_LATENCY_DEVICES  devices as kind:threads (e.g. "naslab:1 onnxruntime:1"; onnxruntime needs
#                           python3 -m pip install onnxruntime); default: naslab at NASLAB_BENCH_THREADS
#   NASLAB_BENCH_THREADS    engine thread counts, each a device (default "1"; "1 2" for both)
#   NASLAB_LATENCY_METHODS  corrections to run (default "1 2"; method 2 measures 1791 FBNet networks per pass)
#   NASLAB_LATENCY_REFERENCE  method 1's block type (default: the type whose specified network is lightest)
#   NASLAB_LATENCY_STATISTIC  median (default) or min (each measurement's fastest call: least moved by load)
#   NASLAB_LATENCY_CLASSES  the classifier's classes (default: the space's; 1000 for FBNet)
#   NASLAB_LATENCY_PASSES   passes over the held-out set, each network keeping its fastest (default 3)
#   NASLAB_LATENCY_CORRECTION_PASSES  the corrections' passes, each entry the median of its passes (default 3)
#   NASLAB_LATENCY_CALIBRATE  random networks each corrected table is then rescaled to (LUTCalibration; default
#                           20, 0: none), a row of its own; the held-out set excludes them
#   NASLAB_LATENCY_REFERENCED 1: every measurement runs beside one random network of the space and is scaled by
#                           it (ReferencedDevice; default 0), for a machine whose speed changes for seconds at a time
#   NASLAB_BENCH_CONFIG     debug (default: the engine's kernels are optimised in debug builds too) or release
#
# Last comes "retest": the held-out networks compiled and measured again, the first measurement scored as a
# predictor of the second. It is the ceiling of every other row: how far the device agrees with itself.
#
# The figures come from Tests/NASHardwareTests/LatencyTableBenchmark.swift (runs only with NASLAB_BENCH=1).
# The machine is shared: the CV and the load average are printed beside every figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export NASLAB_LATENCY_SPACES="${NASLAB_LATENCY_SPACES:-fbnet}" NASLAB_LATENCY_INPUT="${NASLAB_LATENCY_INPUT:-3x64x64}"
export NASLAB_LATENCY_HELDOUT="${NASLAB_LATENCY_HELDOUT:-200}" NASLAB_BENCH_THREADS="${NASLAB_BENCH_THREADS:-1}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
config="${NASLAB_BENCH_CONFIG:-debug}"
echo "spaces $NASLAB_LATENCY_SPACES, input $NASLAB_LATENCY_INPUT, $NASLAB_LATENCY_HELDOUT held out, devices ${NASLAB_LATENCY_DEVICES:-naslab at threads $NASLAB_BENCH_THREADS}, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
flags=()
[ "$config" = "release" ] && flags=(-c release -Xswiftc -enable-testing)
swift build --build-tests "${flags[@]}" 2>&1 | grep -E "error" || true
NASLAB_BENCH=1 swift test "${flags[@]}" --skip-build --filter "LatencyTableBenchmark" 2>&1 \
  | grep -E '^(BENCH|RESULT)|error|Error' | sed 's/^RESULT /  /' || true
