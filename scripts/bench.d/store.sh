#!/usr/bin/env bash
# Store benchmark: insert 100,000 trials into the SQLite store, then query the top 10 by accuracy
# with a filter (goal: under a second each). Release build; figures come from
# Tests/NASStoreTests/StoreBenchmarkTests.swift, which runs only with NASLAB_BENCH=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
NASLAB_BENCH=1 swift test -c release --filter 'StoreBenchmarkTests' 2>&1 | tee /tmp/naslab-bench-store.log \
    | grep -E '^store |✘|error:' || { echo "store benchmark failed; see /tmp/naslab-bench-store.log" >&2; exit 1; }
grep -q '✘' /tmp/naslab-bench-store.log && exit 1 || true
