import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// How well plain and corrected latency tables predict measured latency, for `scripts/bench.d/latency.sh`;
/// runs only with `NASLAB_BENCH=1` and asserts nothing about time: timings never decide a test.
///
/// Per space and device: profile the space's table, correct it by method 1 (default
/// reference) and method 2, measure `NASLAB_LATENCY_HELDOUT` random architectures (seeded,
/// none of them a specified network or a one-block replacement of one), and report for each
/// predictor the share within ±10%, MAPE, the mean signed error, RMSE and Kendall τ, with the held-out measurements'
/// CV (median and p90) and the whole-network measurements each method cost.
///
///   NASLAB_LATENCY_SPACES   spaces to run (default "fbnet"; see `spaces`: fbnet, fbnet_0.35, basenet)
///   NASLAB_LATENCY_INPUT    sample shape CxHxW (default 3x64x64)
///   NASLAB_LATENCY_HELDOUT  held-out architectures (default 200)
///   NASLAB_LATENCY_DEVICES  devices as kind:threads, space-separated ("naslab:1 onnxruntime:1")
///   NASLAB_BENCH_THREADS    without NASLAB_LATENCY_DEVICES: naslab's engine at these thread counts (default "1")
///   NASLAB_LATENCY_METHODS  corrections to run (default "1 2")
///   NASLAB_LATENCY_REFERENCE  method 1's block type (default `LUTCorrection.defaultReference`)
///   NASLAB_LATENCY_STATISTIC  median (default) or min: each measurement's figure (min: the fastest call,
///                             least moved by other work on a shared machine; the calls' CV is still reported)
///   NASLAB_LATENCY_CLASSES  the classifier's classes (default: the space's, 1000 for FBNet)
///   NASLAB_LATENCY_PASSES   passes over the held-out set, each network keeping its fastest pass (default 3)
///   NASLAB_LATENCY_CORRECTION_PASSES  the corrections' passes, each entry the median of its passes (default 3)
///   NASLAB_LATENCY_REFERENCED  1: every measurement (parts, corrections, held-out) runs beside one random
///                           network of the space and is scaled by it (`ReferencedDevice`; default 0)
///   NASLAB_LATENCY_CALIBRATE  random networks each corrected table is rescaled to (`LUTCalibration`; default 20,
///                           0: none), reported as a row of its own; the held-out set excludes them
///
/// Last, the held-out networks are compiled and measured a second time and the first measurement is
/// scored as a predictor of the second ("retest"): how well the device agrees with itself from one
/// compilation and one minute to the next, the ceiling of any table's figures.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct LatencyTableBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    /// The blockwise spaces the bench knows, by name: adding a space is one line.
    static let spaces: [String: any BlockwiseSpace] = [
        "fbnet": FBNetSpace(),
        "fbnet_0.35": FBNetSpace(width: 0.35),
        "basenet": try! BasenetSpace(),
    ]
    static let input = LUTMetadata.shape(environment["NASLAB_LATENCY_INPUT"] ?? "3x64x64") ?? TensorShape(channels: 3, height: 64, width: 64)
    static let heldOut = Int(environment["NASLAB_LATENCY_HELDOUT"] ?? "200") ?? 200
    /// `kind:threads` devices: `NASLAB_LATENCY_DEVICES`, else naslab's engine at each of `NASLAB_BENCH_THREADS`.
    static let devices = (environment["NASLAB_LATENCY_DEVICES"]
        ?? (environment["NASLAB_BENCH_THREADS"] ?? "1").split(separator: " ").map { "naslab:\($0)" }.joined(separator: " "))
        .split(separator: " ").map(String.init)
    static let methods = (environment["NASLAB_LATENCY_METHODS"] ?? "1 2").split(separator: " ").map(String.init)
    static let fastest = environment["NASLAB_LATENCY_STATISTIC"] == "min"
    static let classes = environment["NASLAB_LATENCY_CLASSES"].flatMap { Int($0) }
    static let passes = Int(environment["NASLAB_LATENCY_PASSES"] ?? "3") ?? 3
    static let correctionPasses = Int(environment["NASLAB_LATENCY_CORRECTION_PASSES"] ?? "3") ?? 3
    static let calibration = Int(environment["NASLAB_LATENCY_CALIBRATE"] ?? "20") ?? 20
    static let referenced = environment["NASLAB_LATENCY_REFERENCED"] == "1"

    @Test("plain and corrected latency tables against held-out measurements")
    func compare() throws {
        for name in (Self.environment["NASLAB_LATENCY_SPACES"] ?? "fbnet").split(separator: " ").map(String.init) {
            let space = try #require(Self.spaces[name], "no bench space '\(name)'")
            for entry in Self.devices {
                var device = try Self.device(entry)
                if Self.referenced {
                    let reference = try space.network(LUTCalibration.sample(space, count: 1, seed: 1)[0], input: Self.input,
                                                      classes: classes(space))
                    device = try ReferencedDevice(base: device, reference: reference)
                }
                try run(space, device: Self.fastest ? FastestCallDevice(base: device) : device)
            }
        }
    }

    /// The device of a `kind:threads` entry (`naslab:1`, `onnxruntime:2`; a bare kind is at one thread).
    static func device(_ entry: String) throws -> any Device {
        let parts = entry.split(separator: ":")
        let threads = try #require(parts.count > 1 ? Int(parts[1]) : 1, "bad device '\(entry)': kind:threads")
        return try DeviceKind(named: String(parts[0])).device(threads: threads)
    }

    /// One space on one device: build the three predictors, measure the held-out set, report.
    func run(_ space: any BlockwiseSpace, device: any Device) throws {
        let clock = ContinuousClock()
        let tag = "\(space.name) \(device.name)\(Self.fastest ? " (min)" : "") input \(Self.input.channels)x\(Self.input.height)x\(Self.input.width), \(classes(space)) classes"
        var start = clock.now
        let lut = try LatencyLUT.profile(space: space, device: device, input: Self.input, classes: classes(space), settings: .standard)
        print("BENCH \(tag): profiled \(lut.entries.count) parts in \(seconds(clock.now - start)) s, median part cv \(format(percentile(lut.entries.values.map(\.cv), 0.5) * 100))%")
        let reference = try Self.environment["NASLAB_LATENCY_REFERENCE"] ?? LUTCorrection.defaultReference(for: lut, in: space)
        var predictors: [(String, any LatencyPredictor, Int)] = [("plain LUT sum", LUTPredictor(lut), 0)]
        let methods = [CorrectionMethod.single(reference: reference), .averaged].filter {
            Self.methods.contains($0 == .averaged ? "2" : "1")
        }
        for method in methods {
            start = clock.now
            let corrected = try LUTCorrection.correct(lut, space: space, device: device, method: method, settings: .quick,
                                                      passes: Self.correctionPasses)
            print("BENCH \(tag): \(method.description) measured \(corrected.wholeNetworkMeasurements) networks in \(seconds(clock.now - start)) s")
            predictors.append((method.description, corrected, corrected.wholeNetworkMeasurements))
            guard Self.calibration > 0 else { continue }
            let calibrated = try LUTCalibration.calibrate(corrected, space: space, device: device, samples: Self.calibration,
                                                          passes: Self.passes)
            predictors.append((calibrated.lut.metadata.method, calibrated, calibrated.wholeNetworkMeasurements))
        }
        start = clock.now
        let measured = try heldOutMeasurements(space, device: device)
        let cvs = Self.fastest ? Array(FastestCallDevice.noise.suffix(measured.count)) : measured.map(\.cv)
        print("BENCH \(tag): measured \(measured.count) held-out networks in \(seconds(clock.now - start)) s; cv median \(format(percentile(cvs, 0.5) * 100))%, p90 \(format(percentile(cvs, 0.9) * 100))%; load \(loadAverage())")
        let truth = measured.map { (architecture: $0.architecture, seconds: $0.seconds) }
        for (label, predictor, cost) in predictors {
            let r = try PredictionReport(predictor, on: truth, in: space)
            report(tag, label, r, cost: cost)
        }
        let retest = try heldOutMeasurements(space, device: device)
        report(tag, "retest (the device against itself)", PredictionReport(predicted: measured.map(\.seconds), measured: retest.map(\.seconds)),
               cost: measured.count)
    }

    func report(_ tag: String, _ label: String, _ r: PredictionReport, cost: Int) {
        print("RESULT \(tag) | \(label) | within ±10% \(format(r.withinTenPercent * 100))% | MAPE \(format(r.mape * 100))% | bias \(format(r.bias * 100))% | RMSE \(format(r.rmse * 1e3)) ms | Kendall τ \(r.kendallTau.map { format($0) } ?? "-") | measurements \(cost)")
    }

    /// The classes of the networks measured: `NASLAB_LATENCY_CLASSES`, else the space's.
    func classes(_ space: any BlockwiseSpace) -> Int { Self.classes ?? space.defaultClasses }

    /// Random architectures of the space (seeded), each measured whole with the standard settings
    /// in `NASLAB_LATENCY_PASSES` passes over the set, each keeping its fastest pass.
    func heldOutMeasurements(_ space: any BlockwiseSpace, device: any Device) throws -> [(architecture: Architecture, seconds: Double, cv: Double)] {
        let calibration = Set(LUTCalibration.sample(space, count: Self.calibration, seed: 0).map { space.canonical($0) })
        let architectures = LUTCalibration.sample(space, count: Self.heldOut, seed: 2020, excluding: calibration)
        var best = Array(repeating: (seconds: Double.infinity, cv: 0.0), count: architectures.count)
        for _ in 0..<Self.passes {
            for (i, a) in architectures.enumerated() {
                let spec = try space.network(a, input: Self.input, classes: classes(space))
                let m = try device.measure(spec, batch: 1, settings: .standard, cancel: CancellationToken())
                if m.median < best[i].seconds { best[i] = (m.median, m.coefficientOfVariation) }
            }
        }
        return zip(architectures, best).map { ($0, $1.seconds, $1.cv) }
    }

    func percentile(_ values: [Double], _ q: Double) -> Double {
        LatencyMeasurement(samples: values.isEmpty ? [0] : values).quantile(q)
    }

    func seconds(_ d: Duration) -> String { format(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) }

    func format(_ x: Double) -> String { String(format: "%.3g", x) }

    func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }
}
