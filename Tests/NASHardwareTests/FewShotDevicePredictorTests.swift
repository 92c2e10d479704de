import Testing
import NASBenchmarks
import NASCore
import NASSpaces
@testable import NASHardware

/// HELP's setting on the shipped NB201 tables: a held-out device predicted from 10 of its cells.
@Suite struct FewShotDevicePredictorTests {
    /// Fits the held-out `device` from its latencies on the prior's reference cells and compares
    /// every one of the 15,625 cells with its shipped latency.
    static func holdOut(_ device: String, excluding: Set<String>) throws -> PredictionReport {
        let prior = try DeviceLatencyPrior.nb201(excluding: excluding.union([device]))
        let truth = try DeviceLatencyBenchmark.nb201().table(device: device)
        let samples = prior.references.map { truth.latency(atRow: $0)! }
        let predictor = try FewShotDevicePredictor(prior: prior, referenceSeconds: samples, device: device)
        let all = (0..<truth.count).map { truth.latency(atRow: $0)! }
        return PredictionReport(predicted: predictor.predictedRows(), measured: all)
    }

    @Test("HELP's unseen NB201 devices, prior without the device's batch siblings: Spearman ρ ≥ 0.9 from 10 cells")
    func helpTestDevices() throws {
        // HELP (Lee et al. 2021, Table 3, 10 samples): titan_rtx_256 0.987, gold_6226 0.989, fpga 0.985,
        // pixel2 0.802, raspi4 0.890, eyeriss 0.940.
        let siblings: [String: Set<String>] = ["titan_rtx_256": ["titan_rtx_1", "titan_rtx_32"]]
        for device in ["titan_rtx_256", "gold_6226", "fpga", "pixel2", "raspi4", "eyeriss"] {
            let report = try Self.holdOut(device, excluding: siblings[device] ?? [])
            print("few-shot nb201 \(device): ρ \(report.spearman!) ±10% \(report.withinTenPercent)")
            #expect(report.spearman! >= 0.9, "\(device)")
        }
    }

    @Test("the same cells are asked for every time, a cell predicts through the predictor interface, and bad input is refused")
    func interface() throws {
        let prior = try DeviceLatencyPrior.nb201(excluding: ["fpga"])
        #expect(prior.references == (try DeviceLatencyPrior.nb201(excluding: ["fpga"]).references))
        #expect(Set(prior.references).count == 10 && prior.devices.count == 26)
        let fpga = try LatencyEvaluator(device: "fpga")
        let space = NB201Space()
        let predictor = try FewShotDevicePredictor(prior: prior, measuring: fpga, in: space)
        let cell = try space.architecture(atIndex: 1234)
        #expect(try predictor.predict(cell, in: space) == predictor.predictedRows()[1234])
        #expect(throws: HardwareError.self) { try FewShotDevicePredictor(prior: prior, referenceSeconds: [1e-3], device: "x") }
        #expect(throws: HardwareError.self) { try DeviceLatencyPrior.nb201(excluding: ["pixel9"]) }
        #expect(throws: HardwareError.self) { try DeviceLatencyPrior.nb201(references: 3) }
        #expect(throws: HardwareError.self) { try predictor.predict(FBNetSpace().parse(String(repeating: "0", count: 22)), in: FBNetSpace()) }
    }
}
