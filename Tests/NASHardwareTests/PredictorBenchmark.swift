import Foundation
import NASBenchmarks
import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// The predictors' figures for `scripts/bench.d/predictors.sh`; runs only with `NASLAB_BENCH=1`
/// and asserts nothing: figures are reported, not tested.
///
/// 1. FBNet, every shipped device: the FLOPs model and the learned predictor fitted on 300
///    architectures, judged on the other 4,700 (Kendall τ, ±10%, MAPE).
/// 2. NB201, every shipped device held out in turn: the few-shot predictor from 10 cells, with the
///    held-out device's batch siblings kept in the prior and left out; and HELP's own split (prior:
///    HELP's 9 meta-training devices) on HELP's 6 test devices, beside HELP's published ρ.
/// 3. This machine as an unseen device: naslab's engine at 1 thread, NB201 networks at 3×32×32 with
///    10 classes; the 10 reference cells and `NASLAB_PREDICT_HELD` (200) random held-out cells
///    measured, plus `NASLAB_PREDICT_TRAIN` (200) cells to fit the FLOPs and learned predictors (with
///    more than 200, each fitted on the first 200 and on all),
///    each in `NASLAB_PREDICT_PASSES` (3) passes over its set, keeping the median pass; then the
///    held-out cells measured again ("retest"), the first measurement scored as a predictor of the
///    second: the ceiling of every predictor, how far this machine agrees with itself. Every cell
///    runs beside `referenceCell` and is scaled by it (`ReferencedDevice`) unless
///    `NASLAB_PREDICT_REFERENCED=0`: this machine changes speed by up to 1.5× for seconds at a time.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct PredictorBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let held = Int(environment["NASLAB_PREDICT_HELD"] ?? "200") ?? 200
    static let train = Int(environment["NASLAB_PREDICT_TRAIN"] ?? "200") ?? 200
    static let repeats = Int(environment["NASLAB_PREDICT_REPEATS"] ?? "50") ?? 50
    /// The measurement statistic taken as the latency: `latency` (the median call) or `latency_p10`.
    static let metric = environment["NASLAB_PREDICT_METRIC"] ?? "latency"
    /// Whether this machine's cells are measured beside a reference cell and scaled by it (`ReferencedDevice`; default yes).
    static let referenced = environment["NASLAB_PREDICT_REFERENCED"] ?? "1" != "0"
    /// The reference cell: every operation but `none`, of middling latency.
    static let referenceCell = "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"
    /// Passes over the held-out and training cells on this machine, each cell keeping its median pass.
    static let passes = Int(environment["NASLAB_PREDICT_PASSES"] ?? "3") ?? 3
    /// HELP's published Spearman ρ on NB201 from 10 samples (Lee et al. 2021, Table 3; HELP's README).
    static let help = ["titan_rtx_256": 0.987, "gold_6226": 0.989, "fpga": 0.985, "pixel2": 0.802, "raspi4": 0.890, "eyeriss": 0.940]
    /// HELP's meta-training devices on NB201 (its README's `--meta_train_devices`).
    static let helpTrain: Set<String> = ["1080ti_1", "1080ti_32", "1080ti_256", "silver_4114", "silver_4210r", "samsung_a50",
                                         "pixel3", "essential_ph_1", "samsung_s7"]

    private func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "-" }

    @Test("FBNet: FLOPs model and learned predictor on every shipped device")
    func fbnetDevices() throws {
        let space = FBNetSpace()
        let bench = try DeviceLatencyBenchmark.fbnet()
        for device in bench.devices {
            let all = try LatencyTruth(table: try bench.table(device: device), in: space).measured
            var rng = SeededRandom(seed: 11)
            let order = all.indices.shuffled(using: &rng)
            let train = order.prefix(300).map { all[$0] }, test = order.dropFirst(300).map { all[$0] }
            let l = try PredictionReport(try LearnedLatencyPredictor(fittedOn: train, in: space), on: test, in: space)
            let m = try PredictionReport(try FLOPsLatencyModel(fittedOn: train, in: space), on: test, in: space)
            print("BENCH fbnet \(device.padding(toLength: 14, withPad: " ", startingAt: 0)) learned tau \(f(l.kendallTau)) within10 \(f(l.withinTenPercent)) mape \(f(l.mape))"
                  + " | flops tau \(f(m.kendallTau)) within10 \(f(m.withinTenPercent)) mape \(f(m.mape))  (n \(test.count))")
        }
    }

    @Test("NB201: the few-shot predictor on every held-out shipped device")
    func fewShotDevices() throws {
        let bench = try DeviceLatencyBenchmark.nb201()
        let familyOf = try Dictionary(uniqueKeysWithValues: bench.devices.map { device -> (String, String) in
            let batch = try bench.table(device: device).batch
            return (device, batch.map { String(device.dropLast("_\($0)".count)) } ?? device)
        })
        for device in bench.devices {
            let family = Set(bench.devices.filter { familyOf[$0] == familyOf[device] })
            let kept = try report(device, excluding: [device])
            let dropped = try report(device, excluding: family)
            print("BENCH fewshot \(device.padding(toLength: 14, withPad: " ", startingAt: 0)) siblings-kept rho \(f(kept.spearman)) within10 \(f(kept.withinTenPercent))"
                  + " | siblings-out rho \(f(dropped.spearman)) within10 \(f(dropped.withinTenPercent))")
        }
        for device in ["titan_rtx_256", "gold_6226", "fpga", "pixel2", "raspi4", "eyeriss"] {
            let r = try report(device, excluding: Set(bench.devices).subtracting(Self.helpTrain))
            print("BENCH fewshot-helpsplit \(device.padding(toLength: 14, withPad: " ", startingAt: 0)) rho \(f(r.spearman)) within10 \(f(r.withinTenPercent)) | HELP rho \(f(Self.help[device]))")
        }
    }

    private func report(_ device: String, excluding: Set<String>) throws -> PredictionReport {
        let prior = try DeviceLatencyPrior.nb201(excluding: excluding)
        let truth = try DeviceLatencyBenchmark.nb201().table(device: device)
        let predictor = try FewShotDevicePredictor(prior: prior, referenceSeconds: prior.references.map { truth.latency(atRow: $0)! }, device: device)
        return PredictionReport(predicted: predictor.predictedRows(), measured: (0..<truth.count).map { truth.latency(atRow: $0)! })
    }

    @Test("This machine (naslab engine, 1 thread) as an unseen NB201 device")
    func thisMachine() throws {
        let space = NB201Space()
        let settings = MeasurementSettings(warmup: 5, repeats: Self.repeats)
        let engine = try EngineDevice(threads: 1)
        let reference = try space.network(try space.parse(Self.referenceCell), input: space.defaultInput, classes: space.defaultClasses)
        let device: any Device = Self.referenced ? try ReferencedDevice(base: engine, reference: reference, settings: settings) : engine
        let evaluator = try MeasuredLatencyEvaluator(device: device, settings: settings)
        let prior = try DeviceLatencyPrior.nb201()
        var rng = SeededRandom(seed: 5)
        var seen = Set(prior.references)
        var rows: [Int] = []
        while rows.count < Self.held + Self.train {
            let r = rng.nextInt(below: 15625)
            if seen.insert(r).inserted { rows.append(r) }
        }
        let start = Date()
        let fewShot = try FewShotDevicePredictor(prior: prior, measuring: evaluator, in: space, metric: Self.metric)
        let heldCells = try rows.prefix(Self.held).map { try space.architecture(atIndex: $0) }
        let trainCells = try rows.dropFirst(Self.held).map { try space.architecture(atIndex: $0) }
        let heldTruth = try LatencyTruth(heldCells, in: space, from: evaluator, metric: Self.metric, passes: Self.passes)
        let trainTruth = try LatencyTruth(trainCells, in: space, from: evaluator, metric: Self.metric, passes: Self.passes)
        let r = try heldTruth.assess(fewShot, in: space)
        print("BENCH thismachine device \(device.name)\(Self.referenced ? " (every cell measured beside \(Self.referenceCell), scaled by it)" : ""), metric \(Self.metric), \(Self.repeats) timed calls per measurement, "
              + "\(Self.passes) pass(es) over the held-out and training cells, each keeping its median pass")
        print("BENCH thismachine fewshot(10 cells) rho \(f(r.spearman)) tau \(f(r.kendallTau)) within10 \(f(r.withinTenPercent)) mape \(f(r.mape))"
              + " (n \(r.count), noise cv held \(f(heldTruth.noiseCV)) train \(f(trainTruth.noiseCV)), measured in \(Int(Date().timeIntervalSince(start))) s)")
        for kind in FittedPredictorKind.allCases {
            for count in Set([min(200, trainTruth.measured.count), trainTruth.measured.count]).sorted() {
                let p = try kind.fit(Array(trainTruth.measured.prefix(count)), in: space)
                let a = try heldTruth.assess(p, in: space)
                print("BENCH thismachine \(kind.rawValue)(\(count) cells) rho \(f(a.spearman)) tau \(f(a.kendallTau)) within10 \(f(a.withinTenPercent)) mape \(f(a.mape))")
            }
        }
        let retest = try LatencyTruth(heldCells, in: space, from: evaluator, metric: Self.metric, passes: Self.passes)
        let again = PredictionReport(predicted: heldTruth.measured.map(\.seconds), measured: retest.measured.map(\.seconds))
        print("BENCH thismachine retest (the held-out cells measured again, the device against itself) rho \(f(again.spearman)) "
              + "tau \(f(again.kendallTau)) within10 \(f(again.withinTenPercent)) mape \(f(again.mape)) (noise cv \(f(retest.noiseCV)))")
        if let path = Self.environment["NASLAB_PREDICT_DUMP"] {
            try dump(to: path, held: heldTruth, train: trainTruth, retest: retest, in: space)
        }
        let live = heldTruth.measured.filter { $0.seconds > 1e-4 }
        let l = try PredictionReport(fewShot, on: live, in: space)
        print("BENCH thismachine fewshot on the \(live.count) held-out cells above 0.1 ms (the others' output does not depend on the input and the engine's plan skips their work): rho \(f(l.spearman)) within10 \(f(l.withinTenPercent)) mape \(f(l.mape))")
        let latencies = heldTruth.measured.map(\.seconds).sorted()
        print("BENCH thismachine latency range \(f(latencies.first! * 1e3)) – \(f(latencies.last! * 1e3)) ms, median \(f(latencies[latencies.count / 2] * 1e3)) ms")
    }

    /// Writes this machine's cells as tab-separated lines: set (held, train, retest), cell, seconds, the learned predictor's features.
    private func dump(to path: String, held: LatencyTruth, train: LatencyTruth, retest: LatencyTruth, in space: NB201Space) throws {
        var text = ""
        for (set, truth) in [("held", held), ("train", train), ("retest", retest)] {
            for m in truth.measured {
                let features = try LearnedLatencyPredictor.features(m.architecture, in: space, input: nil).map { String($0) }
                text += "\(set)\t\(space.canonical(m.architecture))\t\(m.seconds)\t\(features.joined(separator: ","))\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
