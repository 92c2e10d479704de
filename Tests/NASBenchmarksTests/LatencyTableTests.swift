import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASBenchmarks

/// The shipped device latency tables against the original CSVs and HW-NAS-Bench's printed values.
@Suite("Device latency tables")
struct LatencyTableTests {
    @Test("every NB201 device column equals nb201_device_latency_ms.csv (ms → s)", .enabled(if: SharedData.available))
    func nb201Columns() throws {
        let csv = try #require(SharedData.deviceLatency)
        let benchmark = try DeviceLatencyBenchmark.nb201()
        #expect(Set(benchmark.devices) == Set(csv.header.dropFirst(2)))
        #expect(benchmark.devices.count == 27)
        let archs = csv.column("arch_str")
        for device in benchmark.devices {
            let table = try benchmark.table(device: device)
            let expected = csv.numbers(device)
            let wrong = (0..<expected.count).filter { table.latency(atRow: $0) != expected[$0] / 1000 }
            #expect(wrong.isEmpty, "\(device): \(wrong.count) rows differ")
            #expect(table.latency(forKey: archs[777]) == expected[777] / 1000)
        }
    }

    @Test("published HW-NAS-Bench values: raspi4[0], fpga[1], titan_rtx_256[0]")
    func publishedValues() throws {
        let space = NB201Space()
        let raspi = LatencyEvaluator(table: try LatencyTable.nb201(device: "raspi4"))
        let result = try raspi.evaluate(try space.architecture(atIndex: 0), in: space, fidelity: .full, seed: 0,
                                        cancel: CancellationToken())
        #expect(abs(try #require(result.metrics["latency"]) - 10.481977e-3) < 1e-12)
        #expect(try LatencyTable.nb201(device: "fpga").latency(atRow: 1) == 5.31536 / 1000)
        #expect(try LatencyTable.nb201(device: "titan_rtx", batch: 256).latency(atRow: 0) == 10.65186 / 1000)
        let pixel = try LatencyEvaluator(device: "pixel3")
        #expect(pixel.table.device == "pixel3" && pixel.table.batch == nil && pixel.table.unit == "ms")
        #expect(try LatencyTable.nb201(device: "1080ti_32").batch == 32)
        #expect(try LatencyTable.nb201(device: "gold_6226").batch == nil)
        #expect(try LatencyTable.nb201(device: "essential_ph_1").batch == nil)
        #expect(try LatencyTable.fbnet(device: "titanxp", batch: 64).device == "titanxp_64")
    }

    @Test("every FBNet device column equals fbnet_device_latency_ms.csv; op digits and op names both find a row",
          .enabled(if: SharedData.available))
    func fbnetColumns() throws {
        let csv = try #require(SharedData.fbnetLatency)
        let benchmark = try DeviceLatencyBenchmark.fbnet()
        #expect(Set(benchmark.devices) == Set(csv.header.dropFirst(3)))
        let digits = csv.column("op_idx"), names = csv.column("ops")
        for device in benchmark.devices {
            let table = try benchmark.table(device: device)
            let expected = csv.numbers(device)
            let wrong = (0..<digits.count).filter {
                table.latency(forKey: digits[$0]) != expected[$0] / 1000 || table.latency(forKey: names[$0]) != expected[$0] / 1000
            }
            #expect(wrong.isEmpty, "\(device): \(wrong.count) rows differ")
        }
        let tokens = digits[0].map { Int(String($0))! }
        #expect(try benchmark.table(device: "pixel3").latency(forTokens: tokens) == csv.numbers("pixel3")[0] / 1000)
        #expect(try benchmark.table(device: "pixel3").latency(forTokens: [Int](repeating: 8, count: 22)) == nil)
    }

    @Test("device names are checked, with a suggestion or the batch sizes to choose from")
    func deviceErrors() throws {
        do {
            _ = try LatencyTable.nb201(device: "pixle3")
            Issue.record("an unknown device was accepted")
        } catch let error as BenchmarkError {
            #expect(error.message.contains("did you mean 'pixel3'"))
        }
        do {
            _ = try LatencyTable.nb201(device: "1080ti")
            Issue.record("a device without its batch size was accepted")
        } catch let error as BenchmarkError {
            #expect(error.message.contains("choose one of 1080ti_1, 1080ti_32, 1080ti_256"))
        }
    }

    @Test("a latency table becomes a Table with one row per architecture, and the wide table has every device")
    func tables() throws {
        let table = try LatencyTable.nb201(device: "pixel3").table()
        #expect(table.columns == ["arch", "latency"] && table.count == 15_625)
        let wide = try DeviceLatencyBenchmark.nb201().table()
        #expect(wide.columns.count == 29 && wide.count == 15_625)
        let pixel = try #require(wide.columnIndex("pixel3"))
        #expect(wide.rows[42][pixel].doubleValue == table.rows[42][1].doubleValue)
    }

    @Test("an architecture the FBNet table does not list is a failed trial that says so")
    func missingArchitecture() throws {
        let evaluator = LatencyEvaluator(table: try LatencyTable.fbnet(device: "raspi4"))
        let space = TokenSpace(name: "fbnet", count: 22, options: 9)
        let result = try evaluator.evaluate(Architecture(space: "fbnet", tokens: [Int](repeating: 8, count: 22)), in: space,
                                            fidelity: .full, seed: 0, cancel: CancellationToken())
        #expect(result.status == .failed && (result.error ?? "").contains("not in the latency table"))
        #expect(throws: BenchmarkError.self) {
            try evaluator.evaluate(Architecture(space: "nb201", tokens: [0, 0, 0, 0, 0, 0]), in: NB201Space(), fidelity: .full,
                                   seed: 0, cancel: CancellationToken())
        }
    }
}
