import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// The measured-latency evaluator on a real space.
@Suite struct MeasuredLatencyEvaluatorTests {
    @Test("an FBNet architecture's measurement reports latency, spread, noise and memory; all-skip is faster than all-k5_e6")
    func measuresAnArchitecture() throws {
        let space = FBNetSpace()
        let evaluator = try MeasuredLatencyEvaluator(device: EngineDevice(threads: 1), settings: .quick,
                                                     input: TensorShape(channels: 3, height: 32, width: 32))
        func metrics(_ type: String) throws -> [String: Double] {
            let a = try #require(try space.specifiedNetwork(type))
            return try evaluator.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: CancellationToken()).metrics
        }
        let heavy = try metrics("k5_e6"), light = try metrics("skip")
        let latency = try #require(heavy["latency"]), p10 = try #require(heavy["latency_p10"]), p90 = try #require(heavy["latency_p90"])
        #expect(p10 <= latency && latency <= p90)
        #expect(heavy["noise_cv"] != nil)
        #expect((heavy["peak_memory"] ?? 0) > (light["peak_memory"] ?? .infinity))
        #expect(latency > 2 * (light["latency"] ?? .infinity))
        #expect(evaluator.descriptor.contains("naslab-cpu/1t"))
    }
}
