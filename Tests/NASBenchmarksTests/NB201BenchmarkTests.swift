import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASBenchmarks

/// The shipped NB201 tables against the original CSVs, value for value and row for row.
@Suite("NB201 shipped tables")
struct NB201BenchmarkTests {
    let benchmark = try! NB201Benchmark.shared()

    /// Counts rows where `shipped` differs from the CSV column (percent ÷ 100 → fraction, exact).
    func mismatches(_ shipped: [Double], _ csv: SharedData.SimpleCSV, _ column: String, divisor: Double = 100) -> Int {
        let expected = csv.numbers(column)
        #expect(expected.count == NB201Benchmark.cellCount, "column \(column) missing from the CSV")
        return zip(shipped, expected).filter { a, b in !(a == b / divisor || (a.isNaN && b.isNaN)) }.count
    }

    @Test("200-epoch validation columns equal nb201_val200.csv", .enabled(if: SharedData.available))
    func validation200() throws {
        let csv = try #require(SharedData.val200)
        for dataset in NB201Dataset.allCases {
            let r = benchmark.results(dataset), tag = dataset.tag
            #expect(mismatches(r.validMean, csv, "\(tag)_val_acc_mean") == 0)
            for run in 0..<3 {
                #expect(mismatches(r.validRuns[run], csv, "\(tag)_val_acc_t\(run + 1)") == 0)
            }
            #expect(mismatches(r.runCount.map(Double.init), csv, "\(tag)_val_n_trials", divisor: 1) == 0)
            #expect(mismatches(r.trainTime, csv, "\(tag)_train_time_s", divisor: 1) == 0)
            #expect(mismatches(r.natsLatency, csv, "\(tag)_latency_s", divisor: 1) == 0)
            let paramsM = csv.numbers("\(tag)_params_M")
            #expect(zip(r.params, paramsM).allSatisfy { abs($0 - $1 * 1e6) < 0.5 })
        }
    }

    @Test("200-epoch test and 12-epoch columns equal their CSVs", .enabled(if: SharedData.available))
    func testAnd12Epoch() throws {
        let test = try #require(SharedData.test200), e12 = try #require(SharedData.epoch12)
        for dataset in NB201Dataset.allCases {
            let r = benchmark.results(dataset), tag = dataset.tag
            #expect(mismatches(try #require(r.test200), test, "\(tag)_test_acc") == 0)
            #expect(mismatches(r.valid12, e12, dataset == .cifar10 ? "c10_valid_val_acc_12ep" : "\(tag)_val_acc_12ep") == 0)
            #expect(mismatches(r.test12, e12, "\(tag)_test_acc_12ep") == 0)
        }
    }

    @Test("the nb201 space's index and string match the table row for row", .enabled(if: SharedData.available))
    func rowOrder() throws {
        let csv = try #require(SharedData.val200)
        let space = NB201Space()
        let expected = csv.column("arch_str")
        #expect(csv.column("index") == (0..<NB201Benchmark.cellCount).map(String.init))
        var wrong = 0
        for i in 0..<NB201Benchmark.cellCount {
            let a = try space.architecture(atIndex: i)
            if space.canonical(a) != expected[i] || space.index(of: a) != i || benchmark.architectures[i] != expected[i] { wrong += 1 }
        }
        #expect(wrong == 0)
    }

    @Test("the per-dataset table has one row per cell with fractions and seconds")
    func tableView() throws {
        let table = benchmark.table(.cifar100)
        #expect(table.count == NB201Benchmark.cellCount)
        let i = try #require(table.columnIndex("accuracy")), arch = try #require(table.columnIndex("arch"))
        #expect(table.rows[9930][i].doubleValue == benchmark.results(.cifar100).validMean[9930])
        #expect(table.rows[9930][arch].stringValue == benchmark.architectures[9930])
    }
}

/// The unlicensed 200-epoch test file can be dropped without breaking anything else.
@Suite("NB201 without nb201_test200")
struct NB201WithoutTestFileTests {
    @Test("validation and 12-epoch results still work; 200-epoch test accuracy is refused with a reason")
    func dropTestFile() throws {
        let benchmark = try NB201Benchmark.load { name in
            name == "nb201_test200.ncs.gz" ? nil : try BundledResource.gunzipped(name)
        }
        #expect(!benchmark.hasTest200)
        #expect(benchmark.table(.cifar10).columnIndex("test_accuracy") == nil)
        let space = NB201Space()
        let valid = try NB201Evaluator(dataset: .cifar10, epochs: 200, metric: .valid, trial: .mean, benchmark: benchmark)
        let result = try valid.evaluate(try space.architecture(atIndex: 6111), in: space, fidelity: .full, seed: 0,
                                        cancel: CancellationToken())
        #expect(abs(try #require(result.metrics["accuracy"]) - 0.91607) < 5e-6)
        #expect(result.metrics["test_accuracy"] == nil)
        do {
            _ = try NB201Evaluator(dataset: .cifar10, epochs: 200, metric: .test, trial: .mean, benchmark: benchmark)
            Issue.record("200-epoch test accuracy was offered without its file")
        } catch let error as BenchmarkError {
            #expect(error.message.contains("not shipped"))
        }
        _ = try NB201Evaluator(dataset: .cifar10, epochs: 12, metric: .test, trial: .mean, benchmark: benchmark)
        #expect(throws: BenchmarkError.self) {
            try NB201Benchmark.load { name in name == "nb201_12epoch.ncs.gz" ? nil : try BundledResource.gunzipped(name) }
        }
    }
}
