#!/usr/bin/env bash
# Benchmarks of NASBenchmarks: load time of every shipped table, lookups per second, user-table loading.
#
# Builds NASBenchmarks in release mode, compiles a small driver (below) against its objects and runs it.
# Usage: scripts/bench.d/benchmarks.sh            (prints a figure per line: name, value, unit)
# Goal: all NB201 tables (15,625 cells x 3 datasets) load in under 100 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --target NASBenchmarks >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/main.swift" <<'EOF'
import Foundation
import NASBenchmarks
import NASCore
import NASSpaces

/// The name padded to a column.
func padded(_ name: String) -> String { name.padding(toLength: 46, withPad: " ", startingAt: 0) }

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs `body` `repeats` times and reports the minimum and median time in milliseconds.
func report(_ name: String, repeats: Int = 7, _ body: () throws -> Void) rethrows {
    var times: [Double] = []
    for _ in 0..<repeats { times.append(try seconds(body)) }
    times.sort()
    print(padded(name) + String(format: " min %8.2f ms   median %8.2f ms", times[0] * 1e3, times[times.count / 2] * 1e3))
}

/// Reports operations per second of `count` calls to `body`.
func rate(_ name: String, count: Int, _ body: (Int) throws -> Void) rethrows {
    let t = try seconds { for i in 0..<count { try body(i) } }
    print(padded(name) + String(format: " %12.0f per second  (%.2f us each)", Double(count) / t, t / Double(count) * 1e6))
}

let space = NB201Space()
let firstLoad = try seconds { _ = try NB201Benchmark.shared() }
print(padded("NB201 tables: first load") + String(format: " %8.2f ms (cold, first use in the process)", firstLoad * 1e3))
try report("NB201 tables: load (3 datasets, all columns)") { _ = try NB201Benchmark.load() }
try report("NB201 device latency: load (27 configurations)") { _ = try DeviceLatencyBenchmark.loadNB201() }
try report("FBNet device latency: load (27 configurations)") { _ = try DeviceLatencyBenchmark.loadFBNet() }
try report("NASLib zero-cost: load all 5 subsets") {
    for subset in ZeroCostProxies.available { _ = try ZeroCostProxies.load(benchmark: subset.benchmark, dataset: subset.dataset) }
}
try report("NASLib zero-cost: correlations, 5 subsets", repeats: 3) {
    for subset in ZeroCostProxies.available {
        _ = try ZeroCostProxies.load(benchmark: subset.benchmark, dataset: subset.dataset).correlations()
    }
}
try report("NB201 table view as NASCore.Table (cifar10)", repeats: 3) { _ = try NB201Benchmark.shared().table(.cifar10) }

let firstIndex = try seconds { _ = space.index(of: try space.architecture(atIndex: 0)) }
print(padded("nb201 space index table: first use") + String(format: " %8.2f ms", firstIndex * 1e3))
var rng = SeededRandom(seed: 1)
let archs = (0..<100_000).map { _ in space.sample(using: &rng) }
let cancel = CancellationToken()
for (label, evaluator) in [("mean", try NB201Evaluator()), ("random", try NB201Evaluator(trial: .random))] {
    try rate("NB201Evaluator lookups (trial: \(label))", count: archs.count) { i in
        _ = try evaluator.evaluate(archs[i], in: space, fidelity: .full, seed: UInt64(i), cancel: cancel)
    }
}
let latency = try LatencyEvaluator(device: "pixel3")
try rate("LatencyEvaluator lookups (nb201 pixel3)", count: archs.count) { i in
    _ = try latency.evaluate(archs[i], in: space, fidelity: .full, seed: 0, cancel: cancel)
}
let evaluator = try NB201Evaluator(metric: .test)
try report("exhaustive best-cell query (15,625 cells)", repeats: 3) {
    var best = (0.0, -1)
    for i in 0..<NB201Benchmark.cellCount {
        let r = try evaluator.evaluate(try space.architecture(atIndex: i), in: space, fidelity: .full, seed: 0, cancel: cancel)
        if r.metrics["accuracy"]! > best.0 { best = (r.metrics["accuracy"]!, i) }
    }
    precondition(best.1 == 6111)
}

// A user's table of all 15,625 cells (canonical keys, two metrics) written to a temporary CSV.
let benchmark = try NB201Benchmark.shared()
let results = benchmark.results(.cifar10)
var csv = "arch,accuracy,latency\n"
for i in 0..<NB201Benchmark.cellCount { csv += "\(benchmark.architectures[i]),\(results.validMean[i]),\(results.natsLatency[i])\n" }
let url = URL(fileURLWithPath: CommandLine.arguments[1]).appendingPathComponent("user.csv")
try csv.write(to: url, atomically: true, encoding: .utf8)
try report("user CSV, 15,625 rows: BenchmarkTable.load", repeats: 3) {
    _ = try BenchmarkTable.load(csv: url, space: space, key: "arch", metrics: ["accuracy", "latency"])
}
try report("user CSV, 15,625 rows: LatencyTable.load", repeats: 3) {
    _ = try LatencyTable.load(csv: url, space: space, key: "arch", unit: "s", column: "latency")
}
EOF
OBJS=$(ls "$BIN"/NASCore.build/*.o "$BIN"/NASSpaces.build/*.o "$BIN"/NASBenchmarks.build/*.o)
swiftc -O -module-name BenchmarksDriver -I "$BIN/Modules" -I "$BIN" -I Sources/CZlib "$WORK/main.swift" $OBJS -lz \
    -o "$WORK/bench" 2>&1 | grep -v '^$' || true
echo "== NASBenchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), release build)"
du -b Sources/NASBenchmarks/Resources/*.gz | awk '{ s += $1 } END { printf "%-46s %8.2f MB\n", "shipped tables (compressed)", s / 1e6 }'
"$WORK/bench" "$WORK"
