import Testing
import NASBenchmarks
import NASCore
import NASSpaces
@testable import NASHardware

/// The FLOPs model and the learned predictor, fitted on a few hundred FBNet architectures of a
/// shipped device table (HELP / HW-NAS-Bench measurements), predict held-out ones.
///
/// The edge devices' FBNet latencies (eyeriss, fpga, pixel3, raspi4) behave as sums of per-block
/// latencies (HW-NAS-Bench builds them from block measurements), so a model additive in the
/// blocks can recover them almost exactly; the benchmark (`PredictorBenchmark`) has all 27 devices.
@Suite struct LatencyPredictorAccuracyTests {
    /// 300 training and 500 held-out architectures of a device, split by a seeded shuffle.
    static func split(device: String) throws -> (train: [(architecture: Architecture, seconds: Double)],
                                                   test: [(architecture: Architecture, seconds: Double)]) {
        let all = try LatencyTruth(table: try DeviceLatencyBenchmark.fbnet().table(device: device), in: FBNetSpace()).measured
        var rng = SeededRandom(seed: 11)
        let order = all.indices.shuffled(using: &rng)
        return (order.prefix(300).map { all[$0] }, order.dropFirst(300).prefix(500).map { all[$0] })
    }

    @Test("the learned predictor ranks held-out FBNet architectures with Kendall τ ≥ 0.9 on low-noise devices",
          arguments: ["eyeriss", "raspi4"])
    func learned(device: String) throws {
        let space = FBNetSpace()
        let (train, test) = try Self.split(device: device)
        let learned = try LearnedLatencyPredictor(fittedOn: train, in: space)
        let flops = try FLOPsLatencyModel(fittedOn: train, in: space)
        let l = try PredictionReport(learned, on: test, in: space)
        let f = try PredictionReport(flops, on: test, in: space)
        print("fbnet \(device): learned τ \(l.kendallTau!) ±10% \(l.withinTenPercent) mape \(l.mape); flops τ \(f.kendallTau!) ±10% \(f.withinTenPercent) mape \(f.mape)")
        #expect(l.kendallTau! >= 0.9)
        #expect(l.withinTenPercent >= 0.9)
        #expect(l.kendallTau! > f.kendallTau!)
        let again = try LearnedLatencyPredictor(fittedOn: train, in: space)
        #expect(try again.predict(test[0].architecture, in: space) == learned.predict(test[0].architecture, in: space))
    }

    @Test("cross-validation keeps the block table where latency is additive and falls back to the cost model where blocks only add noise")
    func penaltyChoice() throws {
        let space = NB201Space()
        var rng = SeededRandom(seed: 9)
        let archs = (0..<120).map { _ in space.sample(using: &rng) }
        let cost = FLOPsLatencyModel(secondsPerMAC: 1e-10, secondsPerByte: 1e-11, secondsPerKernel: 2e-6, fixed: 1e-4, space: "nb201")
        // Additive: each edge's operation adds its own cost (a latency table), unrelated to the cost model.
        let additive = archs.map { a in (a, 1e-3 + a.tokens.enumerated().reduce(0.0) { $0 + Double(($1.offset * 7 + $1.element * 3) % 5) * 1e-4 }) }
        // Cost model times noise that has nothing to do with the blocks.
        let noisy = try archs.map { a in (a, try cost.predict(a, in: space) * (1 + 0.3 * rng.nextGaussian())) }
        #expect(try LearnedLatencyPredictor(fittedOn: additive, in: space).lambda <= 1)
        #expect(try LearnedLatencyPredictor(fittedOn: noisy, in: space).lambda >= 100)
    }
}
