import Foundation
import NASCore
import NASSpaces
import Synchronization
import Testing
@testable import NASHardware

/// A device whose speed follows a script: a network's calls take its MACs in picoseconds times the
/// factor of the current measurement; a pair's two networks share one factor (as interleaved calls do).
final class ScriptedSpeedDevice: Device {
    private let factors: Mutex<[Double]>
    init(_ factors: [Double]) { self.factors = Mutex(factors) }
    var name: String { "scripted" }
    var threads: Int { 1 }

    private func nextFactor() throws -> Double {
        guard let f = factors.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { throw HardwareError("the script ran out") }
        return f
    }

    private func calls(_ spec: NetworkSpec, _ factor: Double, _ settings: MeasurementSettings) -> LatencyMeasurement {
        LatencyMeasurement(samples: Array(repeating: Double(spec.cost.macs) * 1e-12 * factor, count: settings.repeats))
    }

    func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings, cancel: CancellationToken) throws -> LatencyMeasurement {
        calls(spec, try nextFactor(), settings)
    }

    func measurePairs(reference: NetworkSpec, others: [NetworkSpec], batch: Int, settings: MeasurementSettings,
                      cancel: CancellationToken) throws -> [MeasuredPair] {
        try others.map { spec in
            let f = try nextFactor()
            return MeasuredPair(reference: calls(reference, f, settings), other: calls(spec, f, settings))
        }
    }
}

/// Measurements scaled by a reference network measured beside them.
@Suite struct ReferencedDeviceTests {
    let space = NB201Space()

    func network(_ cell: String) throws -> NetworkSpec {
        try space.network(try space.parse(cell), input: space.defaultInput, classes: space.defaultClasses)
    }

    var light: NetworkSpec { get throws { try network("|skip_connect~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|skip_connect~1|nor_conv_1x1~2|") } }
    var heavy: NetworkSpec { get throws { try network("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|") } }

    @Test("a machine that switches speed moves plain measurements 1.4× and referenced ones not at all")
    func speedChangesCancel() throws {
        let (light, heavy) = (try light, try heavy)
        let expected = Double(heavy.cost.macs) * 1e-12
        // Baseline: three measurements of the reference, the quickest at factor 1.0.
        let device = try ReferencedDevice(base: ScriptedSpeedDevice([1.3, 1.0, 1.4, 1.0, 1.4, 1.4, 1.0]), reference: light,
                                          settings: .quick, baselineMeasurements: 3)
        #expect(abs(device.baseline - Double(light.cost.macs) * 1e-12) < 1e-15)
        for _ in 0..<4 {
            let m = try device.measure(heavy, batch: 1, settings: .quick, cancel: CancellationToken())
            #expect(abs(m.median / expected - 1) < 1e-12)
            #expect(m.samples.count == MeasurementSettings.quick.repeats)
        }
        let plain = ScriptedSpeedDevice([1.0, 1.4])
        let a = try plain.measure(heavy, batch: 1, settings: .quick, cancel: CancellationToken()).median
        let b = try plain.measure(heavy, batch: 1, settings: .quick, cancel: CancellationToken()).median
        #expect(abs(b / a - 1.4) < 1e-12)
        #expect(device.name == "scripted+ref")
    }

    @Test("a call is scaled by the reference's turn beside it when the calls alternated, else by all its calls")
    func turnBeside() {
        // The machine slowed 2× after the first round: the reference's second turn shows it.
        let reference = LatencyMeasurement(samples: [1, 1.2, 2, 2.4]), other = LatencyMeasurement(samples: [3, 3, 6, 6])
        let alternated = MeasuredPair(reference: reference, other: other, turn: 2)
        #expect(alternated.referenceBeside(call: 0) == 1.1 && alternated.referenceBeside(call: 1) == 1.1)
        #expect(alternated.referenceBeside(call: 2) == 2.2 && alternated.referenceBeside(call: 3) == 2.2)
        let bracketed = MeasuredPair(reference: reference, other: other)
        #expect(bracketed.referenceBeside(call: 3) == 1.6)
        let uneven = MeasuredPair(reference: LatencyMeasurement(samples: [1, 2, 3]), other: other, turn: 2)
        #expect(uneven.referenceBeside(call: 0) == 2)
    }

    @Test("another batch than the baseline's, or no baseline measurement, is a clear error")
    func badUse() throws {
        let device = try ReferencedDevice(base: ScriptedSpeedDevice([1, 1]), reference: try light, settings: .quick, baselineMeasurements: 1)
        let error = #expect(throws: HardwareError.self) {
            try device.measure(try heavy, batch: 4, settings: .quick, cancel: CancellationToken())
        }
        #expect(error?.description.contains("batch 1") == true)
        #expect(throws: HardwareError.self) {
            try ReferencedDevice(base: ScriptedSpeedDevice([]), reference: try light, baselineMeasurements: 0)
        }
    }

    @Test("on the engine, the reference measured beside itself comes out at its baseline, and a heavier cell above it")
    func engine() throws {
        let device = try ReferencedDevice(base: try EngineDevice(threads: 1), reference: try light, settings: .quick)
        let same = try device.measure(try light, batch: 1, settings: .quick, cancel: CancellationToken())
        #expect(abs(same.median / device.baseline - 1) < 0.25)
        let heavier = try device.measure(try heavy, batch: 1, settings: .quick, cancel: CancellationToken())
        #expect(heavier.median > 2 * device.baseline)
    }
}
