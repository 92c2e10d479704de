// Driver for scripts/bench.d/store.sh: compiled against the release objects of NASCore, NASSpaces, NASStore
// and GRDB. Inserts 100,000 finished trials into a fresh SQLite store in one call, then asks for the top 10
// by accuracy with a filter, and prints wall and CPU times (CPU time: other processes' load inflates it less).
import Foundation
import NASCore
import NASSpaces
import NASStore

/// CPU seconds used by this process so far, all threads.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Wall and CPU seconds taken by `body`.
func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpu = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpuSeconds() - cpu)
}

/// A duration as milliseconds or seconds.
func text(_ s: Double) -> String { s < 1 ? String(format: "%.1f ms", s * 1000) : String(format: "%.2f s", s) }

/// `count` finished trials with random metrics, as the store tests make them: every 7th failed (no metrics),
/// every 5th without latency, every 2nd with an `energy` metric that has no column of its own.
func makeTrials(run: Int64, count: Int, seed: UInt64) -> [TrialRecord] {
    var rng = SeededRandom(seed: seed)
    return (1...count).map { seq in
        let tokens = (0..<6).map { _ in rng.nextInt(below: 5) }
        let arch = "arch-\(tokens.map(String.init).joined())"
        var trial = TrialRecord(runID: run, sequence: seq, architecture: arch, identity: arch, tokens: tokens,
                                fidelity: Fidelity(epochs: 12), seed: seed, status: .done,
                                cacheKey: ResultCacheKey.make(evaluator: "synthetic(v1)", space: "nb201", identity: arch,
                                                              fidelity: Fidelity(epochs: 12), seed: seed))
        if seq % 7 == 0 {
            trial.status = .failed
            trial.error = "loss became NaN at epoch \(seq % 3)"
            trial.score = -.infinity
            return trial
        }
        var metrics = ["accuracy": rng.nextDouble(), "params": Double(rng.nextInt(below: 2_000_000))]
        if seq % 5 != 0 { metrics["latency"] = 0.001 + 0.01 * rng.nextDouble() }
        if seq % 2 == 0 { metrics["energy"] = 10 * rng.nextDouble() }
        trial.metrics = metrics
        trial.curve = [metrics["accuracy"]! / 2, metrics["accuracy"]!]
        trial.score = metrics["accuracy"]
        trial.wallSeconds = rng.nextDouble()
        trial.simulatedSeconds = 100 * rng.nextDouble()
        return trial
    }
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-store-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }
let store = try SQLiteStore.workspace(directory.path)
let run = try store.createRun(RunRecord(strategy: "random", strategySettings: ["seed": "1"], space: "nb201",
                                        evaluator: "synthetic(v1)", objectiveMetric: "accuracy", maximise: true,
                                        budget: .trials(count), seed: 1, script: "r = launch random"))
let trials = makeTrials(run: run, count: count, seed: 1)

let insert = try measure { try store.insertFinishedTrials(trials) }
let query = TableQuery(filter: .and(.compare("status", .equal, .string("done")),
                                    .compare("latency", .less, .number(.seconds(0.005)))),
                       sort: [TableSort("accuracy", descending: true)], limit: 10)
var top = Table(columns: [])
let first = try measure { top = try store.trialsTable(run: run, query: query) }
let again = try measure { top = try store.trialsTable(run: run, query: query) }
let allRuns = try measure { _ = try store.trialsTable(run: nil, query: query) }
let jsonQuery = TableQuery(filter: .compare("energy", .greater, .number(.scalar(9.9))),
                           sort: [TableSort("energy", descending: true)], limit: 10)
let unpromoted = try measure { _ = try store.trialsTable(run: run, query: jsonQuery) }

// The answer must be the records' own top 10, or the times mean nothing.
let expected = trials.filter { $0.status == .done && ($0.metrics["latency"] ?? .infinity) < 0.005 }
    .sorted { $0.metrics["accuracy"]! > $1.metrics["accuracy"]! }.prefix(10).map { Double($0.sequence) }
guard top.column("trial")?.compactMap(\.doubleValue) == expected else {
    print("store benchmark: the top-10 query returned the wrong trials")
    exit(1)
}
let size = (try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
let wal = (try? FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.size] as? Int) ?? 0
print("store insert \(count) trials: \(text(insert.wall)) wall, \(text(insert.cpu)) CPU (goal < 1 s)")
print("store top-10 accuracy where status=done and latency<5ms, one run (first): \(text(first.wall)) wall, \(text(first.cpu)) CPU (goal < 1 s)")
print("store top-10 accuracy where status=done and latency<5ms, one run (again): \(text(again.wall)) wall")
print("store top-10 accuracy where status=done and latency<5ms, all runs: \(text(allRuns.wall)) wall")
print("store top-10 by a metric without its own column (energy, JSON): \(text(unpromoted.wall)) wall")
print("store file: \(size / 1_000_000) MB + \(wal / 1_000_000) MB WAL")
