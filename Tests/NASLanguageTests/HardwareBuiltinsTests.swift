import Foundation
import NASCore
import NASHardware
import NASLanguage
import NASSpaces
import Testing

/// A device that answers at once: 100 µs per call plus 1 µs per node of the network.
///
/// Its latency is additive over nodes, so a whole network costs the overhead once while a
/// latency table of FBNet's 24 parts (stem, 22 blocks, head) pays it 24 times: the plain sum is
/// 23 × 100 µs too high, and method 1's correction is exact (fixed + Σ in-context blocks).
struct OverheadDevice: Device {
    var name: String { "overhead" }
    var threads: Int { 1 }

    static func seconds(_ spec: NetworkSpec) -> Double { (100 + Double(spec.nodes.count)) * 1e-6 }

    func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings, cancel: CancellationToken) throws -> LatencyMeasurement {
        try cancel.check()
        return LatencyMeasurement(samples: [Self.seconds(spec)])
    }
}

/// The hardware builtins end to end on FBNet with a device whose answers are known.
@Suite struct HardwareBuiltinsTests {
    @Test("profile, lut_sum and correct(method: 1) through the language: plain sum 2.3 ms too high, corrected exact")
    func correctionThroughTheLanguage() throws {
        let harness = Harness()
        harness.interpreter.setVariable("d", .object(DeviceValue(OverheadDevice())))
        let (output, result) = harness.run("""
            t = profile(fbnet(), device: d, input: [1, 3, 16, 16])
            c = correct(t, method: 1, reference: "k3_e6")
            a = sample(fbnet(), seed: 3)
            print(t.entries, c)
            print(lut_sum(t, a) / 1us)
            print(lut_sum(c, a) / 1us)
            print(load_lut("fbnet@overhead+corrected").measurements)
            k = correct(t, method: 1, reference: "k3_e6", calibrate: 10, name: "calibrated")
            print(lut_sum(k, a) / 1us)
            print(load_lut("calibrated").measurements)
            print(load_lut("calibrated").method)
            """)
        #expect(result.diagnostics.isEmpty, "\(result.renderDiagnostics(color: false))")
        var rng = SeededRandom(seed: 3)
        let a = try FBNetSpace().network(FBNetSpace().sample(using: &rng), input: TensorShape(channels: 3, height: 16, width: 16),
                                         classes: 1000)
        let measured = OverheadDevice.seconds(a) * 1e6
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "200 latency predictor corrected-lut(fbnet@overhead+corrected, method 1 (k3_e6))")
        #expect(abs((Double(lines[1]) ?? 0) - (measured + 2300)) < 1e-6, "plain \(lines[1]) vs \(measured)")
        #expect(abs((Double(lines[2]) ?? 0) - measured) < 1e-6, "corrected \(lines[2]) vs \(measured)")
        // 3 passes of 22 positions, each: the reference before and after its 8 replacements (this
        // device cannot interleave calls).
        #expect(lines[3] == "660")
        // Calibrating an exact table changes nothing (slope 1, intercept 0): 10 networks in 3 passes more.
        #expect(abs((Double(lines[4]) ?? 0) - measured) < 1e-6, "calibrated \(lines[4]) vs \(measured)")
        #expect(lines[5] == "690")
        #expect(lines[6] == "method 1 (k3_e6), calibrated on 10 networks")
    }

    @Test("calibrate must be 0 or at least 3 networks")
    func calibrateArgument() throws {
        let harness = Harness()
        harness.interpreter.setVariable("d", .object(DeviceValue(OverheadDevice())))
        let (_, result) = harness.run("t = profile(basenet(), device: d, input: [1, 3, 16, 16])\ncorrect(t, calibrate: 2)")
        #expect(result.diagnostics.first?.message.contains("calibrate must be 0 (none) or 3 to 10000") == true,
                "\(result.renderDiagnostics(color: false))")
    }

    @Test("Ctrl-C stops a profile of 200 parts within half a second of 1 ms measurements")
    func interrupt() throws {
        let harness = Harness()
        let device = InterruptingDevice(interrupt: harness.session.interrupt)
        harness.interpreter.setVariable("d", .object(DeviceValue(device)))
        let (_, result) = harness.run("profile(fbnet(), device: d, input: [1, 3, 16, 16])")
        #expect(result.diagnostics.first?.message == "interrupted")
        #expect(device.calls >= 10 && device.calls < 10 + 500, "\(device.calls) calls")
    }
}

/// A device that takes 1 ms per measurement and raises the session's Ctrl-C flag at its tenth.
final class InterruptingDevice: Device, @unchecked Sendable {
    let interrupt: CancellationToken
    private(set) var calls = 0
    var name: String { "interrupting" }
    var threads: Int { 1 }

    init(interrupt: CancellationToken) { self.interrupt = interrupt }

    func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings, cancel: CancellationToken) throws -> LatencyMeasurement {
        try cancel.check()
        calls += 1
        if calls == 10 { interrupt.cancel() }
        usleep(1000)
        return LatencyMeasurement(samples: [1e-3])
    }
}
