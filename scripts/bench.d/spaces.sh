#!/usr/bin/env bash
# Benchmark of NASSpaces (issue 3): sample, mutate, canonicalise and parse 1M NB201 cells, the
# isomorphism identity of 1M cells, the cost model on all 15,625 cells; then sample, mutate,
# round-trip and cost for every other space. Prints one line per item: name, count, total, per item.
#
# Builds NASSpaces in release mode and compiles a small driver (below) against its objects.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --target NASSpaces >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/main.swift" <<'EOF'
import Foundation
import NASCore
import NASSpaces

/// Times `body` over `count` items and prints the total and the time per item.
func report(_ name: String, count: Int, _ body: () throws -> Int) rethrows {
    let start = DispatchTime.now().uptimeNanoseconds
    let check = try body()
    let s = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(name.padding(toLength: 36, withPad: " ", startingAt: 0)
          + String(format: " %9d items %9.3f s %12.3f us/item   (check %d)", count, s, s / Double(count) * 1e6, check))
}

let nb201 = NB201Space()
_ = try nb201.architecture(atIndex: 0)            // loads the index table outside the timings
let n = 1_000_000
var rng = SeededRandom(seed: 1)
var cells: [Architecture] = []
cells.reserveCapacity(n)
report("nb201 sample", count: n) {
    for _ in 0..<n { cells.append(nb201.sample(using: &rng)) }
    return cells.count
}
report("nb201 mutate", count: n) { cells.reduce(0) { $0 + (nb201.mutate($1, using: &rng) == $1 ? 0 : 1) } }
var texts: [String] = []
texts.reserveCapacity(n)
report("nb201 canonical", count: n) {
    for a in cells { texts.append(nb201.canonical(a)) }
    return texts.count
}
try report("nb201 parse", count: n) { try texts.reduce(0) { $0 + (try nb201.parse($1).tokens[5]) } }
report("nb201 identity (isomorphism)", count: n) { Set(cells.map(nb201.identity)).count }
let all = try nb201.enumerate(limit: 15_625)
try report("nb201 cost (all 15,625 cells)", count: all.count) { try all.reduce(0) { $0 &+ (try nb201.cost($1).params) } }

for name in SpaceCatalogue.names where name != "nb201" {
    let space = try SpaceCatalogue.make(name)
    let m = 10_000
    var archs: [Architecture] = []
    report("\(name) sample", count: m) {
        for _ in 0..<m { archs.append(space.sample(using: &rng)) }
        return archs.count
    }
    report("\(name) mutate", count: m) { archs.reduce(0) { $0 + (space.mutate($1, using: &rng) == $1 ? 0 : 1) } }
    try report("\(name) canonical + parse", count: m) { try archs.reduce(0) { $0 + (try space.parse(space.canonical($1)) == $1 ? 1 : 0) } }
    try report("\(name) cost", count: 200) { try archs.prefix(200).reduce(0) { $0 &+ (try space.cost($1).macs) } }
}
EOF
OBJS=$(ls "$BIN"/NASCore.build/*.o "$BIN"/NASSpaces.build/*.o)
swiftc -O -module-name SpacesBenchDriver -I "$BIN/Modules" -I "$BIN" -I Sources/CZlib "$WORK/main.swift" $OBJS -lz \
    -o "$WORK/bench" 2>&1 | grep -v '^$' || true
echo "== NASSpaces ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), release build)"
"$WORK/bench"
