import Dispatch
import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// The engine device against an independent clock and against the work it is given.
@Suite struct EngineDeviceTests {
    /// `layers` 3×3 convolutions of `channels` channels with BN and ReLU on a 16×16 input, then a classifier.
    static func network(layers: Int, channels: Int = 32) throws -> NetworkSpec {
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 16, width: 16))
        var last = NetworkBuilder.inputID
        for i in 0..<layers {
            last = try b.chain([(.conv(outChannels: channels, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false), "conv\(i)"),
                                (.batchNorm, "bn\(i)"), (.relu, "relu\(i)")], from: last)
        }
        last = try b.add(.globalAvgPool, [last], name: "pool")
        let output = try b.add(.linear(outFeatures: 10, bias: true), [last], name: "classifier")
        return b.build(output: output)
    }

    @Test("the timed calls fit inside the wall time of the whole measurement")
    func samplesFitTheWallClock() throws {
        let device = try EngineDevice(threads: 1)
        let start = DispatchTime.now().uptimeNanoseconds
        let m = try device.measure(Self.network(layers: 2), batch: 1, settings: MeasurementSettings(warmup: 2, repeats: 20),
                                   cancel: CancellationToken())
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(m.samples.count == 20)
        #expect(m.samples.allSatisfy { $0 > 0 })
        #expect(m.samples.reduce(0, +) <= wall)
        #expect(m.minimum <= m.p10 && m.p10 <= m.median && m.median <= m.p90)
        #expect(m.coefficientOfVariation >= 0)
        // Peak memory holds at least the weights: 3·32·9 + 32·32·9 conv weights, BN and classifier.
        #expect((m.peakMemoryBytes ?? 0) >= (3 * 32 * 9 + 32 * 32 * 9) * 4)
    }

    @Test("eight times the convolutions take clearly longer than one")
    func latencyGrowsWithWork() throws {
        let device = try EngineDevice(threads: 1)
        let settings = MeasurementSettings(warmup: 3, repeats: 30)
        let small = try device.measure(Self.network(layers: 1, channels: 64), batch: 1, settings: settings, cancel: CancellationToken())
        let large = try device.measure(Self.network(layers: 8, channels: 64), batch: 1, settings: settings, cancel: CancellationToken())
        #expect(large.minimum > 3 * small.minimum, "8 layers \(large.minimum) s, 1 layer \(small.minimum) s")
    }

    /// Pairs interleave the two networks' calls: both sides of each pair have the timed calls
    /// asked for, all of them inside the wall time, the reference alike beside each network, and
    /// the differences follow the work added (eight layers of 64 channels against one and two).
    @Test("measured pairs: the reference beside each network, the differences growing with the work")
    func pairsInterleaveWithTheReference() throws {
        let device = try EngineDevice(threads: 1)
        let settings = MeasurementSettings(warmup: 3, repeats: 30)
        let start = DispatchTime.now().uptimeNanoseconds
        let pairs = try device.measurePairs(reference: Self.network(layers: 1, channels: 64),
                                            others: [Self.network(layers: 2, channels: 64), Self.network(layers: 8, channels: 64)],
                                            batch: 1, settings: settings, cancel: CancellationToken())
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(pairs.count == 2 && device.pairMeasurementCount(others: 2) == 3)
        #expect(pairs.allSatisfy { $0.reference.samples.count == 30 && $0.other.samples.count == 30 })
        let timed: Double = pairs.flatMap { $0.reference.samples + $0.other.samples }.reduce(0, +)
        #expect(timed <= wall)
        let two = pairs[0].other.minimum - pairs[0].reference.minimum
        let eight = pairs[1].other.minimum - pairs[1].reference.minimum
        #expect(two > 0 && eight > 4 * two, "differences: 2 layers \(two) s, 8 layers \(eight) s")
        #expect(throws: CancellationError.self) {
            let token = CancellationToken()
            token.cancel()
            _ = try device.measurePairs(reference: Self.network(layers: 1), others: [Self.network(layers: 2)], batch: 1,
                                        settings: .quick, cancel: token)
        }
    }

    @Test("a cancelled measurement stops with the cancellation error, bad settings with a clear one")
    func cancellationAndBadSettings() throws {
        let device = try EngineDevice(threads: 1)
        let token = CancellationToken()
        token.cancel()
        #expect(throws: CancellationError.self) {
            try device.measure(Self.network(layers: 1), batch: 1, settings: .quick, cancel: token)
        }
        #expect(throws: HardwareError.self) {
            try device.measure(Self.network(layers: 1), batch: 1, settings: MeasurementSettings(repeats: 0), cancel: CancellationToken())
        }
        #expect(throws: HardwareError.self) { try EngineDevice(threads: 0) }
        // 32 channels of 60,000 × 60,000 floats: 460 GB of activations, refused before any allocation.
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 60_000, width: 60_000))
        let conv = try b.add(.conv(outChannels: 32, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false), [NetworkBuilder.inputID], name: "conv")
        #expect(throws: HardwareError.self) {
            try device.measure(b.build(output: conv), batch: 1, settings: .quick, cancel: CancellationToken())
        }
    }

    @Test("quantiles interpolate like numpy's default")
    func quantiles() {
        let m = LatencyMeasurement(samples: [4, 1, 3, 2])
        #expect(m.median == 2.5)          // numpy.median([4, 1, 3, 2])
        #expect(abs(m.p10 - 1.3) < 1e-12) // numpy.quantile(..., 0.1)
        #expect(abs(m.p90 - 3.7) < 1e-12)
    }
}
