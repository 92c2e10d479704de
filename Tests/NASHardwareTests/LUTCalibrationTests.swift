import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// A corrected table rescaled to random whole networks, against a least-squares line worked out here.
///
/// The fusing device's whole network of six toy blocks takes 175 µs plus 1 µs per block `a` that
/// follows a `b` (its relu cannot fuse). Method 1 in the network of a's charges 1 µs for each `b` at
/// positions 1–5 instead (each makes such a pair there), so its predictions follow the truth only
/// loosely and the line's slope is not the slowdown's. After the correction the device runs 2× slower plus
/// 50 µs, so the calibrated table must follow y = a + b·x, the least-squares line through the
/// sampled networks' (prediction, measurement) pairs, computed here from means and covariances.
@Suite struct LUTCalibrationTests {
    let space = ToyBlockSpace(blocks: 6)
    let input = TensorShape(channels: 2, height: 4, width: 4)

    func corrected(_ device: FusingDevice) throws -> CorrectedLUT {
        let lut = try LatencyLUT.profile(space: space, device: device, input: input)
        return try LUTCorrection.correct(lut, space: space, device: device, method: .single(reference: "a"), passes: 1)
    }

    @Test("entries times the fitted slope, the fixed part the intercept plus slope times fixed, and the measurements counted")
    func rescalesToTheLine() throws {
        let device = FusingDevice()
        let c = try corrected(device)
        device.slowdown = (factor: 2, offset: 50)
        let calibrated = try LUTCalibration.calibrate(c, space: space, device: device, samples: 12, seed: 3, passes: 2)

        let networks = LUTCalibration.sample(space, count: 12, seed: 3)
        #expect(networks.count == 12)
        let x = try networks.map { try c.predict($0, in: space) }
        let y = try networks.map { 2 * FusingDevice.seconds(try space.network($0, input: input, classes: space.defaultClasses)) + 50e-6 }
        let (mx, my) = (x.reduce(0, +) / 12, y.reduce(0, +) / 12)
        let b = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let a = my - b * mx
        #expect(b > 0, "the predictions follow the measurements, if loosely")

        for (key, entry) in c.lut.entries where key != LatencyLUT.fixedKey {
            #expect(abs(calibrated.lut.entries[key]!.seconds - b * entry.seconds) < 1e-12, "\(key)")
        }
        #expect(abs(calibrated.lut.entries[LatencyLUT.fixedKey]!.seconds - (a + b * c.lut.entries[LatencyLUT.fixedKey]!.seconds)) < 1e-12)
        for (network, predicted) in zip(networks, x) {
            #expect(abs(try calibrated.predict(network, in: space) - (a + b * predicted)) < 1e-12)
        }
        #expect(calibrated.wholeNetworkMeasurements == c.wholeNetworkMeasurements + 24)
        #expect(calibrated.lut.metadata.method == "method 1 (a), calibrated on 12 networks")
        #expect(networks.allSatisfy { !LUTCalibration.isCorrectionNetwork($0, in: space) })
        #expect(Set(networks.map { space.canonical($0) }).count == 12)
    }

    @Test("the sample is seeded and skips what it is told to")
    func seededSample() throws {
        let first = LUTCalibration.sample(space, count: 10, seed: 7).map { space.canonical($0) }
        #expect(first == LUTCalibration.sample(space, count: 10, seed: 7).map { space.canonical($0) })
        let others = LUTCalibration.sample(space, count: 10, seed: 7, excluding: Set(first)).map { space.canonical($0) }
        #expect(Set(first).isDisjoint(with: others) && others.count == 10)
        // 64 networks, 14 of them measured by the corrections: no more than 50 to sample.
        #expect(LUTCalibration.sample(space, count: 60, seed: 7).count == 50)
    }

    @Test("another device, too few networks, a space with none left, or a flat table is a clear error")
    func errors() throws {
        let device = FusingDevice()
        let c = try corrected(device)
        #expect(throws: HardwareError.self) { try LUTCalibration.calibrate(c, space: space, device: device, samples: 2) }
        let other = ToyBlockSpace()
        let small = try LUTCorrection.correct(try LatencyLUT.profile(space: other, device: device, input: input), space: other,
                                              device: device, method: .single(reference: "a"), passes: 1)
        let none = #expect(throws: HardwareError.self) { try LUTCalibration.calibrate(small, space: other, device: device, samples: 3) }
        #expect(none?.description.contains("fewer than 3 networks") == true)
        let flat = try CorrectedLUT(LatencyLUT(metadata: c.lut.metadata, entries: c.lut.entries.mapValues { _ in LUTEntry(seconds: 1e-5, cv: 0) }))
        #expect(throws: HardwareError.self) { try LUTCalibration.calibrate(flat, space: space, device: device, samples: 5) }
        let wrong = #expect(throws: HardwareError.self) {
            try LUTCalibration.calibrate(c, space: space, device: ScriptedSpeedDevice([1]), samples: 5)
        }
        #expect(wrong?.description.contains("would mix devices") == true)
    }
}
