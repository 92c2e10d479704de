import Foundation
import NASCore
import NASSpaces
import NASTensor
import Testing
import NASTraining

/// Throughput figures for `scripts/bench.d/train.sh`; runs only with `NASLAB_BENCH=1` (in a
/// release build), one test at a time, and asserts nothing about time: timings never decide a test.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct TrainingBenchmark {
    static let threads = Int(ProcessInfo.processInfo.environment["NASLAB_BENCH_THREADS"] ?? "2") ?? 2

    private func randomTensor(_ shape: [Int], seed: UInt64, grad: Bool = false) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let t = Tensor(zeros: shape, requiresGrad: grad)
        for i in 0..<t.count { t.data[i] = Float(rng.nextGaussian()) }
        return t
    }

    /// Wall times of `repeats` runs of `body`, after one warm-up run.
    private func timings(_ repeats: Int, _ body: () throws -> Void) rethrows -> [Double] {
        try body()
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()
    }

    /// The median of `repeats` timings of `body`, after one warm-up.
    private func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        let times = try timings(repeats, body)
        return times[times.count / 2]
    }

    /// The fastest of `repeats` timings of `body`, after one warm-up (the least disturbed by load).
    private func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        try timings(repeats, body)[0]
    }

    /// CPU seconds the whole process (every thread) has used so far.
    private func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The process's peak resident set so far, in MiB (Linux reports `ru_maxrss` in KiB).
    private func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    @Test func kernels() throws {
        ComputeThreads.apply(Self.threads)
        for (name, n, c, hw, groups) in [("conv3x3 64->64 28x28", 128, 64, 28, 1),
                                         ("depthwise3x3 96 14x14", 128, 96, 14, 96)] {
            let x = randomTensor([n, c, hw, hw], seed: 1, grad: true)
            let w = randomTensor([c, c / groups, 3, 3], seed: 2, grad: true)
            let flops = 2.0 * Double(n * c * hw * hw * (c / groups) * 9) * 3  // forward + two backwards
            let t = try best(5) {
                let y = try x.conv2d(weight: w, padding: 1, groups: groups)
                x.zeroGrad(); w.zeroGrad()
                try y.backward()
            }
            print("BENCH kernel \(name) fwd+bwd: \(String(format: "%.1f", flops / t / 1e9)) GFLOP/s (\(String(format: "%.2f", t * 1000)) ms)")
            print("RESULT side=naslab kernel=\(groups == 1 ? "conv3x3" : "depthwise3x3") "
                + "gflops=\(String(format: "%.1f", flops / t / 1e9)) ms=\(String(format: "%.3f", t * 1000))")
        }
        let a = randomTensor([1024, 1024], seed: 3), b = randomTensor([1024, 1024], seed: 4)
        let t = try best(10) { _ = try a.linear(weight: b) }
        print("BENCH kernel GEMM 1024^3 (inner product): \(String(format: "%.1f", 2 * pow(1024, 3) / t / 1e9)) GFLOP/s")
        print("RESULT side=naslab kernel=gemm1024 gflops=\(String(format: "%.1f", 2 * pow(1024, 3) / t / 1e9)) "
            + "ms=\(String(format: "%.3f", t * 1000))")
    }

    @Test func perOpOverhead() throws {
        ComputeThreads.apply(Self.threads)
        let x = randomTensor([1, 16, 28, 28], seed: 7)
        let w = randomTensor([16, 16, 3, 3], seed: 8)
        let small = randomTensor([1, 16, 2, 2], seed: 9)
        let relu = try median(2000) { _ = try small.relu() }
        let conv = try median(2000) { _ = try x.conv2d(weight: w, padding: 1) }
        let fused = FusedConv2d(weight: w, bias: nil, batchNorm: nil, activation: .relu, stride: 1, padding: 1,
                                dilation: 1, groups: 1)
        let fusedTime = try median(2000) { _ = try fused(x) }
        let add = try median(2000) { _ = try small + small }
        print("BENCH overhead per op (µs): relu on 64 values \(String(format: "%.1f", relu * 1e6)), "
            + "add on 64 values \(String(format: "%.1f", add * 1e6)), "
            + "conv3x3 16->16 28x28 batch 1 \(String(format: "%.1f", conv * 1e6)) (fused inference "
            + "\(String(format: "%.1f", fusedTime * 1e6)))")
    }

    /// Batch-1 latency alone, in a process of its own, for the run of the bench with spinning
    /// OpenMP threads (`OMP_WAIT_POLICY=ACTIVE`), which is how onnxruntime's own thread pool waits:
    /// the plan is chosen by timing as in `networks()`, then the best of 200 calls is reported.
    @Test func spinningLatency() throws {
        ComputeThreads.apply(Self.threads)
        let only = ProcessInfo.processInfo.environment["NASLAB_BENCH_NET"]
        let policy = ProcessInfo.processInfo.environment["OMP_WAIT_POLICY"] ?? "default"
        for (name, spec) in [("mlp", BenchNetworks.mlp()), ("small-cnn", BenchNetworks.smallCNN()),
                             ("nb201", BenchNetworks.nb201()), ("mobilenetv2", BenchNetworks.mobileNetV2())]
        where only == nil || only == name {
            let fast = try Model(spec: spec, seed: 1).inferenceModel()
            let one = randomTensor([1, 1, 28, 28], seed: 6)
            let latencies = try timings(200) { _ = try fast(one) }
            let plan = try fast.plan(batch: 1)
            print("BENCH net \(name), OMP_WAIT_POLICY \(policy): batch-1 latency \(String(format: "%.3f", latencies[0] * 1000)) ms "
                + "(plan: \(plan.lanes) lane(s) × \(plan.threads) thread(s), \(plan.winogradKernelCount) Winograd)")
            print("RESULT side=naslab_spin net=\(name) latency_ms=\(String(format: "%.4f", latencies[0] * 1000)) "
                + "latency_median_ms=\(String(format: "%.4f", latencies[latencies.count / 2] * 1000)) "
                + "latency_lanes=\(plan.lanes) latency_threads=\(plan.threads) latency_winograd=\(plan.winogradKernelCount)")
        }
    }

    /// Batch-1 latency of every network under each plan setting the inference model chooses
    /// from (one thread on one lane or on two lanes, with and without Winograd convolutions),
    /// in blocks of 50 consecutive calls, four passes in alternating order so that a change of
    /// load reaches every setting.
    @Test func latencySettings() throws {
        ComputeThreads.apply(Self.threads)
        let settings = [(1, 1, false), (1, 1, true), (1, 2, false), (1, 2, true), (Self.threads, 1, false)]
        for (name, spec) in [("mlp", BenchNetworks.mlp()), ("small-cnn", BenchNetworks.smallCNN()),
                             ("nb201", BenchNetworks.nb201()), ("mobilenetv2", BenchNetworks.mobileNetV2())] {
            let model = try Model(spec: spec, seed: 1)
            let plans = try settings.map { setting in
                let fast = model.inferenceModel()
                fast.batchOneSetting = setting
                return try fast.plan(batch: 1)
            }
            let one = randomTensor([1, 1, 28, 28], seed: 6)
            var times = [[Double]](repeating: [], count: plans.count)
            for pass in 0..<4 {  // blocks of consecutive calls (weights warm), in alternating order
                for i in pass % 2 == 0 ? Array(plans.indices) : plans.indices.reversed() {
                    for _ in 0..<50 {
                        let start = DispatchTime.now().uptimeNanoseconds
                        _ = try plans[i](one)
                        times[i].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                    }
                }
            }
            let cells = zip(settings, times).map { setting, t in
                let sorted = t.sorted()
                return "\(setting.1) lane(s) × \(setting.0) thread(s)\(setting.2 ? " Winograd" : ""): "
                    + "\(String(format: "%.3f", sorted[0])) best, \(String(format: "%.3f", sorted[sorted.count / 2])) median"
            }
            print("BENCH latency settings \(name) (ms): \(cells.joined(separator: "; "))")
            if ProcessInfo.processInfo.environment["NASLAB_BENCH_KERNELS"] == "1" {
                let plan = try model.inferenceModel().plan(batch: 1)
                let times = try plan.kernelTimes(one)
                let rows = zip(plan.kernelSummary, times).map { "\($0) \(String(format: "%.1f", $1 * 1e6))" }
                print("BENCH kernel times \(name) (µs, sum \(String(format: "%.1f", times.reduce(0, +) * 1e6))): "
                    + rows.joined(separator: ", "))
            }
        }
    }

    /// Training steps per network: enough for a stable best-of-n under load.
    private static let steps = ["mlp": 200, "small-cnn": 30, "nb201": 10, "mobilenetv2": 12]

    /// Every network, or only the one `NASLAB_BENCH_NET` names (the bench script runs one per
    /// process, so that the process's peak RSS belongs to that network).
    @Test func networks() throws {
        ComputeThreads.apply(Self.threads)
        let only = ProcessInfo.processInfo.environment["NASLAB_BENCH_NET"]
        for (name, spec) in [("mlp", BenchNetworks.mlp()), ("small-cnn", BenchNetworks.smallCNN()),
                             ("nb201", BenchNetworks.nb201()), ("mobilenetv2", BenchNetworks.mobileNetV2())]
        where only == nil || only == name {
            try benchmark(name, spec)
        }
    }

    private func benchmark(_ name: String, _ spec: NetworkSpec) throws {
        let batch = Int(ProcessInfo.processInfo.environment["NASLAB_BENCH_BATCH"] ?? "128") ?? 128
        let baseRSS = peakRSSMiB()
        let model = try Model(spec: spec, seed: 1)
        var sgd = SGD(momentum: 0.9, nesterov: true, weightDecay: 5e-4)
        var rng = SeededRandom(seed: 1)
        let x = randomTensor([batch, 1, 28, 28], seed: 5)
        let labels = (0..<batch).map { $0 % 10 }
        let steps = Self.steps[name] ?? 5
        TensorStorage.resetPeak()
        let tensorBase = Double(TensorStorage.liveBytes) / 1_048_576
        let cpuStart = processCPUSeconds()
        let times = try timings(steps) {
            let loss = try model.forward(x, training: true, rng: &rng).softmaxCrossEntropy(labels: labels)
            sgd.zeroGrad(model.parameters)
            try loss.backward()
            sgd.step(model.parameters, lr: 0.01)
        }
        let cpuPerStep = (processCPUSeconds() - cpuStart) / Double(steps + 1)  // with the warm-up step
        let trainRSS = peakRSSMiB()
        // Tensor buffers (values and gradients) held at once, beyond those held before the steps.
        let tensorPeak = Double(TensorStorage.peakLiveBytes) / 1_048_576 - tensorBase
        let (t, tMedian) = (times[0], times[times.count / 2])
        let fast = model.inferenceModel()
        let one = randomTensor([1, 1, 28, 28], seed: 6)
        let latencies = try timings(200) { _ = try fast(one) }
        let unfused = try best(50) { _ = try model.forward(one, training: false, rng: &rng) }
        let (latency, latencyMedian) = (latencies[0], latencies[latencies.count / 2])
        let plan = try fast.plan(batch: 1)  // the setting the inference model chose by timing
        print("BENCH net \(name): train \(String(format: "%.0f", Double(batch) / t)) images/s best, "
            + "\(String(format: "%.0f", Double(batch) / tMedian)) median "
            + "(batch \(batch), \(String(format: "%.1f", t * 1000)) ms/step), "
            + "batch-1 latency \(String(format: "%.3f", latency * 1000)) ms fused "
            + "(\(String(format: "%.3f", unfused * 1000)) ms unfused; plan: \(plan.lanes) lane(s) × \(plan.threads) "
            + "thread(s), \(plan.kernelCount) kernels, \(plan.winogradKernelCount) Winograd), "
            + "peak RSS \(String(format: "%.0f", trainRSS)) MB (tensors \(String(format: "%.0f", tensorPeak)) MB), "
            + "params \(model.parameterCount)")
        print("RESULT side=naslab net=\(name) train_ips=\(String(format: "%.1f", Double(batch) / t)) "
            + "train_ips_median=\(String(format: "%.1f", Double(batch) / tMedian)) "
            + "step_ms=\(String(format: "%.3f", t * 1000)) cpu_ms_per_step=\(String(format: "%.3f", cpuPerStep * 1000)) "
            + "latency_ms=\(String(format: "%.4f", latency * 1000)) "
            + "latency_median_ms=\(String(format: "%.4f", latencyMedian * 1000)) "
            + "unfused_latency_ms=\(String(format: "%.4f", unfused * 1000)) "
            + "latency_lanes=\(plan.lanes) latency_threads=\(plan.threads) latency_winograd=\(plan.winogradKernelCount) "
            + "rss_train_mb=\(String(format: "%.1f", trainRSS)) rss_base_mb=\(String(format: "%.1f", baseRSS)) "
            + "rss_peak_mb=\(String(format: "%.1f", peakRSSMiB())) tensor_peak_mb=\(String(format: "%.1f", tensorPeak)) "
            + "params=\(model.parameterCount)")
    }
}
