import Foundation
import NASCore
import NASStore
import Testing

/// The store benchmark (scripts/bench.d/store.sh): runs only with NASLAB_BENCH=1, in release mode,
/// and prints its figures; pass/fail tests never time anything.
@Suite("Store benchmark")
struct StoreBenchmarkTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1" }

    @Test("insert 100,000 trials, then query the top 10 by a metric with a filter", .enabled(if: enabled))
    func insertAndQuery() throws {
        let count = 100_000
        let store = try StoreFixture.store()
        let run = try store.createRun(StoreFixture.run(seed: 1))
        let trials = StoreFixture.trials(run: run, count: count, seed: 1)
        let clock = ContinuousClock()

        let insertCPU = Self.processCPUSeconds()
        let insert = try clock.measure { try store.insertFinishedTrials(trials) }
        let insertCPUSeconds = Self.processCPUSeconds() - insertCPU
        let query = TableQuery(filter: .and(.compare("status", .equal, .string("done")),
                                            .compare("latency", .less, .number(.seconds(0.005)))),
                               sort: [TableSort("accuracy", descending: true)], limit: 10)
        var top = Table(columns: [])
        let queryCPU = Self.processCPUSeconds()
        let first = try clock.measure { top = try store.trialsTable(run: run, query: query) }
        let queryCPUSeconds = Self.processCPUSeconds() - queryCPU
        let repeated = try clock.measure { top = try store.trialsTable(run: run, query: query) }
        let allRuns = try clock.measure { _ = try store.trialsTable(run: nil, query: query) }
        let jsonQuery = TableQuery(filter: .compare("energy", .greater, .number(.scalar(9.9))),
                                   sort: [TableSort("energy", descending: true)], limit: 10)
        let unpromoted = try clock.measure { _ = try store.trialsTable(run: run, query: jsonQuery) }

        // The answer is the records' own top 10.
        let expected = trials.filter { $0.status == .done && ($0.metrics["latency"] ?? .infinity) < 0.005 }
            .sorted { $0.metrics["accuracy"]! > $1.metrics["accuracy"]! }.prefix(10).map { Double($0.sequence) }
        #expect(top.column("trial")?.compactMap(\.doubleValue) == expected)

        let size = (try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.size] as? Int) ?? 0
        print("store insert \(count) trials: \(Self.seconds(insert)) wall, \(Self.seconds(.seconds(insertCPUSeconds))) CPU (goal < 1 s)")
        print("store top-10 accuracy where status=done and latency<5ms, one run (first): \(Self.seconds(first)) wall, \(Self.seconds(.seconds(queryCPUSeconds))) CPU (goal < 1 s)")
        print("store top-10 accuracy where status=done and latency<5ms, one run (again): \(Self.seconds(repeated))")
        print("store top-10 accuracy where status=done and latency<5ms, all runs: \(Self.seconds(allRuns))")
        print("store top-10 by a metric without its own column (energy, JSON): \(Self.seconds(unpromoted))")
        print("store file: \(size / 1_000_000) MB + \(wal / 1_000_000) MB WAL")
    }

    /// CPU seconds used by this process, all threads (a figure that other processes' load does not inflate).
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        return s < 1 ? String(format: "%.1f ms", s * 1000) : String(format: "%.2f s", s)
    }
}
