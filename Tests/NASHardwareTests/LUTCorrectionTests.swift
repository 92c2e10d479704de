import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// Zeng et al.'s corrections on the fusing device, against values worked out by hand (µs).
///
/// Whole networks: L(t) = 145 + #{l ≥ 2 : t_l = a, t_(l−1) = b}. Standalone: a 111, b 110.
/// L_ctx(n, l) = L_SNblock(l) + L(BN(n, l)) − L(SN), with L_SNblock(l) the reference type's standalone entry.
/// Method 1 in SN_a = aaa (145): BN(b,1) = baa 146, BN(b,2) = aba 146, BN(b,3) = aab 145, so
/// L_ctx(b, ·) = 111 + (1, 1, 0) = 112, 112, 111; L_ctx(a, ·) = 111; fixed = 145 − 333 = −188.
/// In SN_b = bbb (145): abb 145, bab 146, bba 146 give L_ctx(a, ·) = 110 + (0, 1, 1) = 110, 111, 111,
/// L_ctx(b, ·) = 110, fixed = 145 − 330 = −185. Method 2 averages: a 110.5, 111, 111; b 111, 111, 110.5;
/// fixed −186.5. The fusing device cannot interleave calls (`Device.measurePairs`' default), so SN_m
/// is measured before and after each position's replacement: 3 × 3 measurements per reference.
@Suite struct LUTCorrectionTests {
    static let space = ToyBlockSpace()

    static func corrected(_ method: CorrectionMethod, device: FusingDevice = FusingDevice()) throws -> CorrectedLUT {
        let lut = try LatencyLUT.profile(space: space, device: device, input: TensorShape(channels: 2, height: 4, width: 4))
        return try LUTCorrection.correct(lut, space: space, device: device, method: method, passes: 1)
    }

    static func expectEntries(_ lut: CorrectedLUT, a: [Double], b: [Double], fixed: Double) {
        #expect(abs(lut.lut.entries["fixed"]!.seconds - fixed * 1e-6) < 1e-12)
        for l in 0..<3 {
            #expect(abs(lut.lut.entries["layer\(l + 1):a@2x4x4"]!.seconds - a[l] * 1e-6) < 1e-12, "a at \(l + 1)")
            #expect(abs(lut.lut.entries["layer\(l + 1):b@2x4x4"]!.seconds - b[l] * 1e-6) < 1e-12, "b at \(l + 1)")
        }
        #expect(lut.lut.entries.count == 7)
    }

    /// The true latency of an architecture, from the hand-derived formula.
    static func truth(_ arch: String) -> Double {
        let t = Array(arch)
        return (145 + Double((1..<3).filter { t[$0] == "a" && t[$0 - 1] == "b" }.count)) * 1e-6
    }

    static let all = ["aaa", "aab", "aba", "abb", "baa", "bab", "bba", "bbb"]

    @Test("method 1 with reference a: in-context entries, fixed part and 9 whole-network measurements")
    func methodOne() throws {
        let device = FusingDevice()
        let c = try Self.corrected(.single(reference: "a"), device: device)
        Self.expectEntries(c, a: [111, 111, 111], b: [112, 112, 111], fixed: -188)
        #expect(c.wholeNetworkMeasurements == 9)
        #expect(device.calls == 8 + 9)
        #expect(abs(try c.predict(try Self.space.parse("aaa"), in: Self.space) - 145e-6) < 1e-12)
        #expect(abs(try c.predict(try Self.space.parse("bab"), in: Self.space) - 146e-6) < 1e-12)
        #expect(abs(try c.predict(try Self.space.parse("bbb"), in: Self.space) - 147e-6) < 1e-12)
        #expect(c.lut.metadata.kind == .corrected && c.lut.metadata.method == "method 1 (a)")
    }

    @Test("a table profiled for other classes is corrected with networks of those classes")
    func classesCarryThrough() throws {
        let device = FusingDevice()
        let lut = try LatencyLUT.profile(space: Self.space, device: device, input: TensorShape(channels: 2, height: 4, width: 4), classes: 7)
        #expect(lut.metadata.classes == 7 && device.classes == [7])
        let c = try LUTCorrection.correct(lut, space: Self.space, device: device, method: .single(reference: "a"))
        #expect(device.classes == [7])
        #expect(c.lut.metadata.classes == 7)
        #expect(abs(try c.predict(try Self.space.parse("bab"), in: Self.space) - 146e-6) < 1e-12)
        let usual = FusingDevice()
        _ = try LatencyLUT.profile(space: Self.space, device: usual, input: TensorShape(channels: 2, height: 4, width: 4))
        #expect(usual.classes == [Self.space.defaultClasses] && Self.space.defaultClasses != 7)
    }

    @Test("method 2 averages both specified networks: 18 whole-network measurements")
    func methodTwo() throws {
        let c = try Self.corrected(.averaged)
        Self.expectEntries(c, a: [110.5, 111, 111], b: [111, 111, 110.5], fixed: -186.5)
        #expect(c.wholeNetworkMeasurements == 18)
        #expect(abs(try c.predict(try Self.space.parse("bbb"), in: Self.space) - 146e-6) < 1e-12)
        #expect(abs(try c.predict(try Self.space.parse("baa"), in: Self.space) - 146.5e-6) < 1e-12)
    }

    /// The corrected table of a device whose measurements after profiling (calls 1–8) get `extra` µs.
    static func disturbed(_ extra: @escaping (Int) -> Double, passes: Int = 1) throws -> CorrectedLUT {
        let device = FusingDevice()
        let lut = try LatencyLUT.profile(space: space, device: device, input: TensorShape(channels: 2, height: 4, width: 4))
        device.extra = { $0 > 8 ? extra($0 - 8) : 0 }
        return try LUTCorrection.correct(lut, space: space, device: device, method: .single(reference: "a"), passes: passes)
    }

    /// Method 1 measures aaa (1), baa (2), aaa (3), aaa (4), aba (5), aaa (6), aaa (7), aab (8),
    /// aaa (9), each replacement against the mean of the SN measurements around it. A drift of
    /// 1 µs per measurement: SN 145 and 147, 148 and 150, 151 and 153 (means 146, 149, 152); baa
    /// 147, aba 150, aab 152, so the differences are 1, 1 and 0 as without drift and b's entries
    /// stay 112, 112, 111; fixed = median(146, 149, 152) − 333 = −184: every prediction 4 µs above
    /// the undisturbed one. (To the first SN measurement alone the differences would be 2, 5, 7:
    /// b at 113, 116, 118.)
    @Test("a steady drift cancels: each replacement is measured against the reference measured around it")
    func driftCancels() throws {
        let c = try Self.disturbed { Double($0 - 1) }
        Self.expectEntries(c, a: [111, 111, 111], b: [112, 112, 111], fixed: -184)
        let undisturbed = try Self.corrected(.single(reference: "a"))
        for arch in try Self.all.map(Self.space.parse) {
            #expect(abs(try c.predict(arch, in: Self.space) - (try undisturbed.predict(arch, in: Self.space) + 4e-6)) < 1e-12)
        }
    }

    /// From measurement 3 on the device is 5 µs slower: position 1's difference is
    /// 146 − (145 + 150)/2 = −1.5 (b at 109.5), the others keep 112 and 111, and
    /// fixed = median(147.5, 150, 150) − 333 = −183. To the first SN measurement alone b
    /// would be 112, 117, 116: every position after the step off by all of it.
    @Test("a device that slows down midway spoils only the position it happened in, by half the step")
    func slowdownMidway() throws {
        let c = try Self.disturbed { $0 >= 3 ? 5 : 0 }
        Self.expectEntries(c, a: [111, 111, 111], b: [109.5, 112, 111], fixed: -183)
    }

    /// Three passes of 9 measurements; measurement 14 (aba of the second pass) is caught in a
    /// 100 µs burst. Its difference, 101, is outvoted by the other passes' 1: the entries are
    /// the undisturbed ones, from 27 measurements. With one pass, the burst on aba (measurement
    /// 5) moves b's entry at position 2 to 111 + 101 = 212.
    @Test("with three passes a burst that slows one measurement is outvoted by the median")
    func passesOutvoteABurst() throws {
        let c = try Self.disturbed({ $0 == 14 ? 100 : 0 }, passes: 3)
        Self.expectEntries(c, a: [111, 111, 111], b: [112, 112, 111], fixed: -188)
        #expect(c.wholeNetworkMeasurements == 27)
        let single = try Self.disturbed { $0 == 5 ? 100 : 0 }
        #expect(abs(single.lut.entries["layer2:b@2x4x4"]!.seconds - 212e-6) < 1e-12)
    }

    @Test("over all 8 architectures the mean error is 401 µs for the plain sum and 0.5 µs for either correction")
    func errorsOrdered() throws {
        let plain = LUTPredictor(try LatencyLUT.profile(space: Self.space, device: FusingDevice(), input: TensorShape(channels: 2, height: 4, width: 4)))
        let one = try Self.corrected(.single(reference: "a")), two = try Self.corrected(.averaged)
        func meanError(_ p: any LatencyPredictor) throws -> Double {
            try Self.all.reduce(0) { $0 + abs(try p.predict(try Self.space.parse($1), in: Self.space) - Self.truth($1)) } / 8
        }
        #expect(abs(try meanError(plain) - 401e-6) < 1e-12)
        #expect(abs(try meanError(one) - 0.5e-6) < 1e-12)
        #expect(abs(try meanError(two) - 0.5e-6) < 1e-12)
    }

    @Test("the default reference is the type of the lightest specified network: b's blocks are 110 µs alone, a's 111")
    func lightestReference() throws {
        let lut = try LatencyLUT.profile(space: Self.space, device: FusingDevice(), input: TensorShape(channels: 2, height: 4, width: 4))
        #expect(try LUTCorrection.defaultReference(for: lut, in: Self.space) == "b")
    }

    @Test("bad references, a corrected input table and another device are refused with a message")
    func refusals() throws {
        let device = FusingDevice()
        let lut = try LatencyLUT.profile(space: Self.space, device: device, input: TensorShape(channels: 2, height: 4, width: 4))
        #expect(throws: HardwareError("the reference 'k3_e6' is not a block type of the toy space; specified networks exist for a, b")) {
            try LUTCorrection.correct(lut, space: Self.space, device: device, method: .single(reference: "k3_e6"))
        }
        let corrected = try LUTCorrection.correct(lut, space: Self.space, device: device, method: .averaged)
        #expect(throws: HardwareError.self) {
            try LUTCorrection.correct(corrected.lut, space: Self.space, device: device, method: .averaged)
        }
        #expect(throws: HardwareError.self) {
            try LUTCorrection.correct(lut, space: Self.space, device: try EngineDevice(threads: 1), method: .averaged)
        }
        #expect(throws: HardwareError.self) { try CorrectedLUT(lut) }
        #expect(throws: HardwareError("passes must be 1 to 100, got 0")) {
            try LUTCorrection.correct(lut, space: Self.space, device: device, method: .averaged, passes: 0)
        }
    }
}
