#!/usr/bin/env bash
# Store benchmark: insert 100,000 trials into a fresh SQLite store in one call, then query the top 10 by
# accuracy with a filter (goal: under a second each); prints wall and CPU time (CPU time of this process is
# what other processes' load inflates least) and checks the query's answer against the records themselves.
#
# Builds NASStore (and what it needs) in release mode, compiles the small driver store_driver.swift against
# the objects, and runs it: no test target is built.
# Usage: scripts/bench.d/store.sh [TRIALS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --target NASStore >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp scripts/bench.d/store_driver.swift "$WORK/main.swift"
OBJS=$(ls "$BIN"/NASCore.build/*.o "$BIN"/NASSpaces.build/*.o "$BIN"/NASStore.build/*.o "$BIN"/GRDB.build/*.o)
swiftc -O -module-name StoreBenchDriver -I "$BIN/Modules" -I "$BIN" -I Sources/CZlib \
    -I .build/checkouts/GRDB.swift/Sources/GRDBSQLite "$WORK/main.swift" $OBJS -lz -lsqlite3 \
    -o "$WORK/bench" 2>&1 | grep -v '^$' || true
echo "== NASStore ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), release build; load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$WORK/bench" "${1:-100000}"
