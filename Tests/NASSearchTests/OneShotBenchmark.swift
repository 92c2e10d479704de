import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining
import Testing
@testable import NASSearch

/// Step times of the one-shot methods on the NAS-Bench-201 supernet for `scripts/bench.d/oneshot.sh`;
/// runs only with `NASLAB_BENCH=1` (in a release build with `-enable-testing`) and asserts nothing
/// about time: timings never decide a test.
///
/// Each step is the method's own `step` (DARTS first and second order, GDAS, SPOS) on random data
/// of the PyTorch reference's shape (`scripts/reference/darts_nb201_torch.py`): the same supernet
/// (C = 16, N = 5 by default), batch, input, classes, thread count and optimisers (weights: SGD,
/// momentum 0.9, weight decay 3·10⁻⁴, clipped to norm 5, learning rate 0.025; α: Adam 3·10⁻⁴,
/// β = (0.5, 0.999), weight decay 10⁻³). `NASLAB_BENCH_STEP` picks one step per process, so that
/// the peak RSS belongs to it.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct OneShotBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let threads = Int(environment["NASLAB_BENCH_THREADS"] ?? "2") ?? 2
    static let batch = Int(environment["NASLAB_ONESHOT_BATCH"] ?? "64") ?? 64
    static let input = (environment["NASLAB_ONESHOT_INPUT"] ?? "3x32x32").split(separator: "x").compactMap { Int($0) }
    static let channels = Int(environment["NASLAB_ONESHOT_CHANNELS"] ?? "16") ?? 16
    static let cells = Int(environment["NASLAB_ONESHOT_CELLS"] ?? "5") ?? 5
    static let classes = 10
    /// Timed steps per method (after one warm-up step): enough for a best-of-n under load. GDAS and SPOS
    /// run other paths at every step (cheap ones when they draw skips and pools), so their figure
    /// to compare is the mean of many steps, not the best.
    static let steps = ["darts1": 5, "darts2": 3, "gdas": 20, "spos": 20, "proxyless": 20]

    /// The process's peak resident set so far, in MiB (Linux reports `ru_maxrss` in KiB).
    private func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// CPU seconds the whole process (every thread) has used so far.
    private func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// A batch of Gaussian images of the bench's input shape, with labels `i * k + c mod classes`.
    private func batch(seed: UInt64, k: Int, c: Int) -> (x: Tensor, labels: [Int]) {
        var rng = SeededRandom(seed: seed)
        let x = Tensor(zeros: [Self.batch] + Self.input)
        for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
        return (x, (0..<Self.batch).map { ($0 * k + c) % Self.classes })
    }

    /// A method on the bench's supernet, with a small random data set only to satisfy its constructor
    /// (the steps below are fed their own batches).
    private func method(_ name: String) throws -> OneShotSearch {
        let sample = Self.input.reduce(1, *), count = 8
        var rng = SeededRandom(seed: 3)
        let pool = LabeledData(shape: Self.input, values: (0..<(count * sample)).map { _ in Float(rng.nextGaussian()) },
                               labels: (0..<count).map { $0 % Self.classes })
        let data = try Dataset(name: "random", pool: pool, testSet: nil, classes: Self.classes, train: 4, valid: 2, test: 2,
                               seed: 1)
        let config = TrainingConfig(epochs: 1, batchSize: Self.batch, learningRate: 0.025,
                                    optimizer: .sgd(momentum: 0.9, nesterov: false, weightDecay: 3e-4),
                                    schedule: .constant, threads: Self.threads)
        let evaluator = TrainingEvaluator(dataset: data, config: config)
        let space = NB201Space(channels: Self.channels, cellsPerStage: Self.cells)
        switch name {
        case "darts1": return try DARTS(space: space, evaluator: evaluator, seed: 1, order: 1)
        case "darts2": return try DARTS(space: space, evaluator: evaluator, seed: 1, order: 2)
        case "gdas": return try GDAS(space: space, evaluator: evaluator, seed: 1)
        case "spos": return try SinglePathOneShot(space: space, evaluator: evaluator, seed: 1)
        case "proxyless": return try ProxylessNAS(space: space, evaluator: evaluator, seed: 1, latencyWeight: 0)
        default: throw StrategyError("no one-shot bench step '\(name)' (have darts1, darts2, gdas, spos, proxyless)")
        }
    }

    /// Every step, or only the one `NASLAB_BENCH_STEP` names (the bench script runs one per process).
    @Test func steps() throws {
        let only = Self.environment["NASLAB_BENCH_STEP"]
        for name in ["darts1", "darts2", "gdas", "spos", "proxyless"] where only == nil || only == name {
            try benchmark(name)
        }
    }

    private func benchmark(_ name: String) throws {
        ComputeThreads.apply(Self.threads)
        let baseRSS = peakRSSMiB()
        let search = try method(name)
        let train = batch(seed: 5, k: 1, c: 0), valid = batch(seed: 6, k: 7, c: 3)
        let repeats = Int(Self.environment["NASLAB_ONESHOT_STEPS"] ?? "") ?? Self.steps[name] ?? 3
        var rng = SeededRandom(seed: 9)
        TensorStorage.resetPeak()
        let tensorBase = Double(TensorStorage.liveBytes) / 1_048_576
        let cpuStart = processCPUSeconds()
        var times: [Double] = []
        var loss = 0.0
        for k in 0...repeats {  // step 0 warms up (kernels, buffers)
            let start = DispatchTime.now().uptimeNanoseconds
            loss = try search.step(train, search: valid, lr: 0.025, rng: &rng)
            if k > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        }
        let cpuPerStep = (processCPUSeconds() - cpuStart) / Double(repeats + 1)
        let rss = peakRSSMiB()
        let tensorPeak = Double(TensorStorage.peakLiveBytes) / 1_048_576 - tensorBase
        let mean = times.reduce(0, +) / Double(times.count)
        times.sort()
        let (best, median) = (times[0], times[times.count / 2])
        let params = search.supernet.model.parameterCount
        print("BENCH naslab \(name): \(String(format: "%.0f", best * 1000)) ms/step best, "
            + "\(String(format: "%.0f", median * 1000)) median, \(String(format: "%.0f", mean * 1000)) mean (\(repeats) steps, batch \(Self.batch), input "
            + "\(Self.input.map(String.init).joined(separator: "x"))), peak RSS \(String(format: "%.0f", rss)) MB "
            + "(tensors \(String(format: "%.0f", tensorPeak)) MB), params \(params), last loss \(String(format: "%.4f", loss))")
        print("RESULT side=naslab step=\(name) step_ms=\(String(format: "%.3f", best * 1000)) "
            + "step_ms_median=\(String(format: "%.3f", median * 1000)) step_ms_mean=\(String(format: "%.3f", mean * 1000)) "
            + "steps_per_s=\(String(format: "%.4f", 1 / best)) "
            + "images_per_s=\(String(format: "%.2f", Double(Self.batch) / best)) "
            + "cpu_ms_per_step=\(String(format: "%.3f", cpuPerStep * 1000)) rss_peak_mb=\(String(format: "%.1f", rss)) "
            + "rss_base_mb=\(String(format: "%.1f", baseRSS)) tensor_peak_mb=\(String(format: "%.1f", tensorPeak)) "
            + "params=\(params) steps=\(repeats)")
    }
}
