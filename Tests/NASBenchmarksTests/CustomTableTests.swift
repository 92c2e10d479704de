import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASBenchmarks

/// Bring-your-own tables: good files load, bad files say what and where, nothing is half-loaded.
@Suite("User tables")
struct CustomTableTests {
    let space = NB201Space()
    let cellA = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"
    let cellB = "|none~0|+|skip_connect~0|none~1|+|avg_pool_3x3~0|none~1|skip_connect~2|"

    /// Writes `text` to a fresh temporary file and returns its URL.
    func write(_ text: String, name: String = "table.csv") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The error a load throws, or nil when it loads.
    func loadError(_ load: () throws -> Any) -> BenchmarkError? {
        do { _ = try load(); return nil } catch let error as BenchmarkError { return error } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test("a well-formed table becomes an evaluator; % and ms columns arrive in base units")
    func goodTable() throws {
        let url = try write("arch,acc,time,params\n\(cellA),93.5,1.5,1.2\n\"\(cellB)\",10,2min,0.1\n")
        let table = try BenchmarkTable.load(csv: url, space: space, key: "arch", metrics: ["acc", "time"],
                                            units: ["acc": "%", "time": "s"])
        #expect(table.count == 2)
        let result = try table.evaluate(try space.parse(cellB), in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
        #expect(result.metrics["acc"] == 0.1 && result.metrics["time"] == 120)
        let missing = try table.evaluate(try space.architecture(atIndex: 5), in: space, fidelity: .full, seed: 0,
                                         cancel: CancellationToken())
        #expect(missing.status == .failed)
        #expect(table.table().columns == ["arch", "acc", "time"])
    }

    @Test("NB201 tables may be keyed by official index; train_time is charged as simulated time")
    func indexKeys() throws {
        let url = try write("idx,accuracy,train_time\n6111,0.9437,100\n0,0.5,50\n")
        let table = try BenchmarkTable.load(csv: url, space: space, key: "idx", metrics: ["accuracy", "train_time"])
        let result = try table.evaluate(try space.architecture(atIndex: 6111), in: space, fidelity: .full, seed: 0,
                                        cancel: CancellationToken())
        #expect(result.metrics["accuracy"] == 0.9437 && result.simulatedSeconds == 100)
        #expect(table.keys[0] == cellA)
    }

    @Test("malformed tables report the file and line, and load nothing")
    func malformedTables() throws {
        let cases: [(String, [String], [String: String], Int?, String)] = [
            ("arch,accuracy\n\(cellA),0.9\n|bogus~0|+|x|,0.8\n", ["accuracy"], [:], 3, "is not a nb201 architecture"),
            ("arch,accuracy\n\(cellA),0.9\n\(cellB),0.8\n\(cellA),0.7\n", ["accuracy"], [:], 4, "listed twice: here and on line 2"),
            ("arch,accuracy\n\(cellA),0.9\n", ["accuracy", "params"], [:], 1, "there is no column 'params'"),
            ("arch,accuracy\n\(cellA),0.9\n\(cellB),high\n", ["accuracy"], [:], 3, "'high' is not a number"),
            ("arch,accuracy\n\(cellA),93.1\n", ["accuracy"], [:], 2, "give its unit as %"),
            ("arch,train_time\n\(cellA),12MB\n", ["train_time"], [:], 2, "is an amount of memory, but the column holds a time"),
            ("arch,accuracy\n\(cellA),0.9\n\(cellB)\n", ["accuracy"], [:], 3, "1 field, but the header has 2"),
            ("arch,accuracy\n\(cellA),\n", ["accuracy"], [:], 2, "the value is empty"),
            ("arch,accuracy\n\"\(cellA),0.9\n", ["accuracy"], [:], 2, "never closed"),
            ("arch,accuracy\n99999,0.9\n", ["accuracy"], [:], 2, "out of range"),
        ]
        for (text, metrics, units, line, message) in cases {
            let url = try write(text)
            let error = loadError { try BenchmarkTable.load(csv: url, space: space, key: "arch", metrics: metrics, units: units) }
            #expect(error?.line == line, "\(message): line \(String(describing: error?.line))")
            #expect(error?.file == url.path)
            #expect(error?.message.contains(message) == true, "expected '\(message)' in '\(error?.message ?? "no error")'")
        }
        let url = try write("arch,accuracy\n\(cellA),0.9\n")
        let wrongUnit = loadError { try BenchmarkTable.load(csv: url, space: space, key: "arch", metrics: ["accuracy"], units: ["accuracy": "ms"]) }
        #expect(wrongUnit?.message.contains("its unit 'ms' is a time") == true)
        #expect(wrongUnit.map(String.init(describing:))?.hasPrefix("\(url.path): error:") == true)
    }

    @Test("a user's latency table reads ms into seconds and accepts per-cell time suffixes")
    func latencyTable() throws {
        let url = try write("arch,rpi\n\(cellA),12.5\n\(cellB),800us\n", name: "rpi.csv")
        let table = try LatencyTable.load(csv: url, space: space, key: "arch", unit: "ms")
        #expect(table.device == "rpi" && table.count == 2)
        #expect(table.latency(forKey: cellA) == 0.0125)
        #expect(abs(table.latency(forKey: cellB)! - 0.0008) < 1e-15)
        let result = try LatencyEvaluator(table: table).evaluate(try space.parse(cellA), in: space, fidelity: .full, seed: 0,
                                                                 cancel: CancellationToken())
        #expect(result.metrics["latency"] == 0.0125)
    }

    @Test("a malformed latency table gives its error")
    func malformedLatency() throws {
        let cases: [(String, String, Int?, String)] = [
            ("arch,latency\n\(cellA),1\n\(cellB),3%\n", "ms", 3, "is an accuracy (fraction or %), but the column holds a time"),
            ("arch,latency\n\(cellA),1\n\(cellA),2\n", "ms", 3, "listed twice"),
            ("arch,latency\n\(cellA),-1\n", "ms", 2, "cannot be negative"),
            ("arch,latency\n\(cellA),1\n", "MB", nil, "a latency is a time"),
            ("arch,latency\n\(cellA),1\n", "msec", nil, "did you mean 'ms'"),
            ("arch,a,b\n\(cellA),1,2\n", "ms", 1, "there is no column 'latency'"),
            ("arch,latency\n|nor_conv_3x3~1|+|none~0|none~1|+|none~0|none~1|none~2|,1\n", "ms", 2, "must read node 0"),
        ]
        for (text, unit, line, message) in cases {
            let url = try write(text)
            let error = loadError { try LatencyTable.load(csv: url, space: space, key: "arch", unit: unit) }
            #expect(error?.line == line, "\(message): line \(String(describing: error?.line))")
            #expect(error?.message.contains(message) == true, "expected '\(message)' in '\(error?.message ?? "no error")'")
        }
    }
}
