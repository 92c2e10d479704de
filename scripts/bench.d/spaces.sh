#!/usr/bin/env bash
# Benchmark of NASSpaces (issue 3): sample, mutate, canonicalise and parse 1M NB201 cells, compute
# the cost of all 15,625, and time the other spaces. Release build; prints one line per item.
set -euo pipefail
cd "$(dirname "$0")/../.."
NASLAB_BENCH=1 swift test -c release --filter SpacesBenchmark 2>&1 | grep -E '^bench spaces|error|failed' || true
