import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// Plain latency tables on the fusing device, whose latencies are worked out by hand (µs):
/// standalone stem 100+10 = 110, block a 100+1+10 = 111 (its relu reads the part's input, not a
/// conv), block b 100+10+0 = 110, head 100+2+3 = 105; a whole network 100+10+30+5 = 145, plus 1
/// for each a that follows a b (its relu then reads a relu).
@Suite struct LatencyLUTTests {
    static let space = ToyBlockSpace()
    static let input = TensorShape(channels: 2, height: 4, width: 4)

    static func profile(_ device: FusingDevice = FusingDevice()) throws -> LatencyLUT {
        try LatencyLUT.profile(space: space, device: device, input: input, settings: .quick)
    }

    @Test("profiling measures each distinct part once, standalone, with the hand-worked latencies")
    func profileEntries() throws {
        let device = FusingDevice()
        let lut = try Self.profile(device)
        var expected: [String: Double] = ["stem@2x4x4": 110, "head@2x4x4": 105]
        for l in 1...3 { expected["layer\(l):a@2x4x4"] = 111; expected["layer\(l):b@2x4x4"] = 110 }
        #expect(Set(lut.entries.keys) == Set(expected.keys))
        for (key, micro) in expected { #expect(abs(lut.entries[key]!.seconds - micro * 1e-6) < 1e-12, "\(key)") }
        #expect(device.calls == 8)
        #expect(lut.entries.values.allSatisfy { $0.cv < 1e-12 })
        #expect(lut.metadata.kind == .plain && lut.metadata.space == "toy" && lut.metadata.device == "fusing")
        #expect(lut.metadata.engineVersion == NaslabVersion.number)
    }

    @Test("the LUT sum adds stem, blocks and head: 545 µs plus 1 per block a, far from the 145–147 µs measured")
    func lutSum() throws {
        let predictor = LUTPredictor(try Self.profile())
        for (arch, micro) in [("aaa", 548.0), ("bab", 546), ("bbb", 545)] {
            let predicted = try predictor.predict(try Self.space.parse(arch), in: Self.space)
            #expect(abs(predicted - micro * 1e-6) < 1e-12, "\(arch)")
        }
        #expect(abs(FusingDevice.seconds(try Self.space.network(try Self.space.parse("bab"), input: Self.input, classes: 10)) - 146e-6) < 1e-12)
    }

    @Test("a missing entry and a foreign space are errors naming the key or the space")
    func missingEntry() throws {
        var lut = try Self.profile()
        lut.entries["layer2:b@2x4x4"] = nil
        let predictor = LUTPredictor(lut)
        #expect(abs(try predictor.predict(try Self.space.parse("aaa"), in: Self.space) - 548e-6) < 1e-12)
        do {
            _ = try predictor.predict(try Self.space.parse("aba"), in: Self.space)
            Issue.record("expected an error")
        } catch let e as HardwareError {
            #expect(e.description.contains("layer2:b@2x4x4"))
        }
        do {
            _ = try predictor.predict(try FBNetSpace().parse(FBNetSpace.fbnetB), in: FBNetSpace())
            Issue.record("expected an error")
        } catch let e as HardwareError {
            #expect(e.description.contains("toy space, not fbnet"))
        }
    }

    @Test("profiling stops when cancelled between measurements")
    func cancellation() throws {
        let device = FusingDevice()
        let token = CancellationToken()
        device.cancelAfter = (3, token)
        #expect(throws: CancellationError.self) {
            _ = try LatencyLUT.profile(space: Self.space, device: device, input: Self.input, cancel: token)
        }
        #expect(device.calls == 3)
    }
}
