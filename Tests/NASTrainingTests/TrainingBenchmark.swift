import Foundation
import NASCore
import NASSpaces
@testable import NASTensor
import Testing
@testable import NASTraining
import NASHardware

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

    /// The machine's peak (oneDNN's 3×3 convolution and depthwise kernels alone, in the layouts
    /// they pick, nothing of naslab around them), then naslab's convolution op from plain NCHW
    /// and from the blocked layout a network keeps between ops, and a GEMM; every figure also
    /// as a percentage of the measured peak.
    @Test func kernels() throws {
        ComputeThreads.apply(Self.threads)
        let conv = ConvGeometry(batch: 128, inChannels: 64, outChannels: 64, height: 28, width: 28, kernel: 3, padding: 1)
        let depthwise = ConvGeometry(batch: 128, inChannels: 96, outChannels: 96, height: 14, width: 14, kernel: 3,
                                     padding: 1, groups: 96)
        let kernels = try [conv, depthwise].map { try StandaloneConvolution($0) }
        // Best of 10 runs, measured again after naslab's ops: a shared machine's load changes by the minute.
        func fastest(_ k: StandaloneConvolution) throws -> Double {
            let t = try best(10) { try k.run() }
            return k.flops / t / 1e9
        }
        let first = try kernels.map { try fastest($0) }
        var naslab: [(Double, Double)] = []
        for g in [conv, depthwise] {
            naslab.append((try naslabConvolution(g, blocked: false), try naslabConvolution(g, blocked: true)))
        }
        let alone = try zip(kernels, first).map { k, before in
            let after = try fastest(k)
            return (k, max(before, after))
        }
        let peak = alone[0].1
        for ((k, gflops), name) in zip(alone, ["conv3x3", "depthwise3x3"]) {
            print("BENCH kernel \(name) oneDNN alone fwd+bwd: \(format(gflops)) GFLOP/s (\(percent(gflops, peak)) of peak; "
                + "\(k.implementations.joined(separator: ", ")))")
            print("RESULT side=onednn kernel=\(name) gflops=\(format(gflops))")
        }
        for ((plain, blocked), name, reference) in [(naslab[0], "conv3x3", alone[0].1), (naslab[1], "depthwise3x3", alone[1].1)] {
            print("BENCH kernel \(name) naslab fwd+bwd: \(format(plain)) GFLOP/s from plain NCHW, \(format(blocked)) "
                + "in blocked layout (\(percent(plain, peak)) and \(percent(blocked, peak)) of peak; \(percent(blocked, reference)) "
                + "of oneDNN's \(name) alone)")
            print("RESULT side=naslab kernel=\(name) gflops=\(format(plain)) blocked_gflops=\(format(blocked))")
        }
        let a = randomTensor([1024, 1024], seed: 3), b = randomTensor([1024, 1024], seed: 4)
        let t = try best(10) { _ = try a.linear(weight: b) }
        let gemm = 2 * pow(1024, 3) / t / 1e9
        print("BENCH kernel GEMM 1024^3 (inner product): \(format(gemm)) GFLOP/s (\(percent(gemm, peak)) of peak)")
        print("RESULT side=naslab kernel=gemm1024 gflops=\(format(gemm)) ms=\(String(format: "%.3f", t * 1000))")
    }

    /// GFLOP/s of naslab's convolution op, forward and both backwards, best of 5: from a plain
    /// NCHW input to a plain output (conversions included), or, as inside a network, from a
    /// blocked input to a blocked output (the op's own time only, by `KernelClock`).
    private func naslabConvolution(_ g: ConvGeometry, blocked: Bool) throws -> Double {
        let x = randomTensor(g.srcDims, seed: 1, grad: true)
        let w = randomTensor(g.weightShape, seed: 2, grad: true)
        let flops = 6 * Double(g.macs)
        guard blocked else {
            let t = try best(5) {
                let y = try x.conv2d(weight: w, padding: g.padding, groups: g.groups)
                x.zeroGrad(); w.zeroGrad()
                try y.backward()
            }
            return flops / t / 1e9
        }
        let xb = try Self.blocked(x, for: g)
        var fastest = Double.infinity
        KernelClock.isOn = true
        defer { KernelClock.isOn = false }
        for _ in 0..<6 {  // the first includes building the kernels
            KernelClock.reset()
            xb.zeroGrad(); w.zeroGrad()
            let y = try xb.conv2d(weight: w, padding: g.padding, groups: g.groups, keepLayout: true)
            try y.plain().sumAll().backward()
            fastest = min(fastest, KernelClock.snapshot.values.reduce(0) { $0 + $1.seconds })
        }
        return flops / fastest / 1e9
    }

    /// `x` converted to the blocked layout the convolution's forward kernel reads, as a leaf.
    private static func blocked(_ x: Tensor, for g: ConvGeometry) throws -> Tensor {
        let plan = try ConvPlan.plan(g, bias: false)
        let xb = Tensor(shape: x.shape, blocked: plan.fwdSrc.kernel)
        try Reorder.copy(x.storage.raw, from: DNNL.plain(x.shape), xb.storage.raw, to: plan.fwdSrc.kernel)
        xb.requiresGrad = true
        return xb
    }

    private func format(_ x: Double) -> String { String(format: "%.1f", x) }
    private func percent(_ x: Double, _ of: Double) -> String { String(format: "%.1f%%", 100 * x / of) }

    /// The fixed cost of small ops (µs, median of 2000 calls): ReLU, add and training batch norm
    /// on 64 values (forward only, and forward with backward; batch norm also in the blocked
    /// layout a convolution leaves), and a batch-1 convolution.
    @Test func perOpOverhead() throws {
        ComputeThreads.apply(Self.threads)
        let x = randomTensor([1, 16, 28, 28], seed: 7)
        let w = randomTensor([16, 16, 3, 3], seed: 8)
        let small = randomTensor([1, 16, 2, 2], seed: 9), other = randomTensor([1, 16, 2, 2], seed: 10)
        let gamma = randomTensor([16], seed: 11, grad: true), beta = randomTensor([16], seed: 12, grad: true)
        let (mean, variance) = (Tensor(zeros: [16]), Tensor.constant([16], 1, requiresGrad: false))
        func bn(_ t: Tensor) throws -> Tensor {
            try t.batchNorm(scale: gamma, shift: beta, runningMean: mean, runningVar: variance, training: true)
        }
        let relu = try median(2000) { _ = try small.relu() }
        let add = try median(2000) { _ = try small + other }
        let norm = try median(2000) { _ = try bn(small) }
        let blockedSmall = try Self.blocked(small, for: ConvGeometry(batch: 1, inChannels: 16, outChannels: 16, height: 2,
                                                                     width: 2, kernel: 3, padding: 1))
        let blockedNorm = try median(2000) { _ = try bn(blockedSmall) }
        let leaf = randomTensor([1, 16, 2, 2], seed: 13, grad: true)
        func trained(_ op: (Tensor) throws -> Tensor) throws -> Double {
            try median(2000) { leaf.zeroGrad(); gamma.zeroGrad(); beta.zeroGrad(); try op(leaf).sumAll().backward() }
        }
        let reluBack = try trained { try $0.relu() }
        let addBack = try trained { try $0 + other }
        let bnBack = try trained { try bn($0) }
        let conv = try median(2000) { _ = try x.conv2d(weight: w, padding: 1) }
        let fused = FusedConv2d(weight: w, bias: nil, batchNorm: nil, activation: .relu, stride: 1, padding: 1,
                                dilation: 1, groups: 1)
        let fusedTime = try median(2000) { _ = try fused(x) }
        let us = { (t: Double) in String(format: "%.2f", t * 1e6) }
        print("BENCH overhead per op (µs, 64 values, forward / forward + backward with a sum): relu \(us(relu)) / "
            + "\(us(reluBack)), add \(us(add)) / \(us(addBack)), batch norm \(us(norm)) / \(us(bnBack)) "
            + "(blocked \(us(blockedNorm)) forward); "
            + "conv3x3 16->16 28x28 batch 1 \(us(conv)) (fused inference \(us(fusedTime)))")
        print("RESULT side=naslab smallop=64 relu_us=\(us(relu)) add_us=\(us(add)) bn_us=\(us(norm)) "
            + "bn_blocked_us=\(us(blockedNorm)) "
            + "relu_bwd_us=\(us(reluBack)) add_bwd_us=\(us(addBack)) bn_bwd_us=\(us(bnBack))")
    }

    /// Batch-1 latency alone, in a process of its own, for the run of the bench whose OpenMP threads
    /// spin before they sleep, as onnxruntime's own pool does (naslab's default `GOMP_SPINCOUNT=30000`,
    /// or `OMP_WAIT_POLICY=ACTIVE`): the plan is chosen by timing as in `networks()`, then the best
    /// of 200 calls is reported.
    @Test func spinningLatency() throws {
        ComputeThreads.apply(Self.threads)
        let environment = ProcessInfo.processInfo.environment
        let only = environment["NASLAB_BENCH_NET"]
        let policy = environment["OMP_WAIT_POLICY"] ?? environment["GOMP_SPINCOUNT"].map { "unset, GOMP_SPINCOUNT \($0)" } ?? "default"
        for (name, spec) in BenchNetworks.all() where only == nil || only == name {
            let fast = try Model(spec: spec, seed: 1).inferenceModel()
            let one = randomTensor([1, 1, 28, 28], seed: 6)
            let latencies = try timings(200) { _ = try fast(one) }
            let plan = try fast.plan(batch: 1)
            print("BENCH net \(name), OMP_WAIT_POLICY \(policy): batch-1 latency \(String(format: "%.3f", latencies[0] * 1000)) ms "
                + "(plan: \(plan.lanes) lane(s) × \(plan.threads) thread(s), \(plan.winogradKernelCount) Winograd, "
                + "\((fast.batchOneChoice?.switches ?? 0)) switch(es) between one core and two)")
            print("RESULT side=naslab_spin net=\(name) latency_ms=\(String(format: "%.4f", latencies[0] * 1000)) "
                + "latency_median_ms=\(String(format: "%.4f", latencies[latencies.count / 2] * 1000)) "
                + "latency_lanes=\(plan.lanes) latency_threads=\(plan.threads) latency_winograd=\(plan.winogradKernelCount) latency_switches=\((fast.batchOneChoice?.switches ?? 0))")
        }
    }

    /// Batch-1 latency of naslab's engine and of onnxruntime on the same network, their calls
    /// interleaved in one run: `NASLAB_BENCH_ROUNDS` rounds (default 20), each a turn per side of
    /// one untimed call and 10 timed ones, the order of the turns rotating from round to round.
    /// Measured one after the other, in separate processes, the sides see the machine at different
    /// moments, and on a shared machine its speed moves by tens of percent within a second;
    /// interleaved, whatever slows the machine for longer than a turn reaches every side. Each turn
    /// starts 3 ms after the last, once the other side's threads have stopped spinning on the cores.
    ///
    /// naslab serves the calls as `spinningLatency` does (one inference model, its batch-1 plan
    /// re-timing itself). onnxruntime runs, at the same thread count and each call timed inside its
    /// helper process (`OnnxRuntimeDevice`), PyTorch's export of the network from
    /// `NASLAB_BENCH_ONNX_DIR/<net>.onnx` (written by `bench_torch.py --export-onnx`, the model the
    /// per-process figures use) and, in a second helper, naslab's own export of it. Prints each
    /// side's best over the run, the ratios to naslab, and the spread of the per-round ratios.
    @Test func interleavedLatency() throws {
        ComputeThreads.apply(Self.threads)
        let environment = ProcessInfo.processInfo.environment
        let rounds = Int(environment["NASLAB_BENCH_ROUNDS"] ?? "") ?? 20, calls = 10
        let torchExport: OnnxRuntimeDevice, naslabExport: OnnxRuntimeDevice
        do { (torchExport, naslabExport) = (try OnnxRuntimeDevice(threads: Self.threads), try OnnxRuntimeDevice(threads: Self.threads)) } catch {
            print("BENCH interleaved latency skipped: \(error)")
            return
        }
        let folder = environment["NASLAB_BENCH_ONNX_DIR"].map { URL(fileURLWithPath: $0) }
        for (name, spec) in BenchNetworks.all() where environment["NASLAB_BENCH_NET"].map({ $0 == name }) ?? true {
            let fast = try Model(spec: spec, seed: 1).inferenceModel()
            let one = randomTensor([1, 1, 28, 28], seed: 6)
            var turns: [() throws -> [Double]] = [{ try self.timings(calls) { _ = try fast(one) } }]
            if let file = folder?.appendingPathComponent("\(name).onnx") {
                try torchExport.load(modelAt: file, batch: 1)
                turns.append { try torchExport.timeLoaded(warmup: 1, repeats: calls, cancel: CancellationToken()) }
            }
            try naslabExport.load(spec, batch: 1)
            turns.append { try naslabExport.timeLoaded(warmup: 1, repeats: calls, cancel: CancellationToken()) }
            var times = [[Double]](repeating: [], count: turns.count), ratios = [[Double]](repeating: [], count: turns.count)
            for round in 0..<rounds {
                var best = [Double](repeating: 0, count: turns.count)
                for k in turns.indices {
                    let side = (k + round) % turns.count
                    usleep(3_000)  // the other side's threads stop spinning (naslab's 0.73 ms, onnxruntime's pool) before a turn
                    let timed = try turns[side]()
                    times[side] += timed
                    best[side] = timed.min()!
                }
                for side in turns.indices { ratios[side].append(best[0] / best[side]) }
            }
            printInterleaved(name, rounds: rounds, times: times, ratios: ratios.map { $0.sorted() }, torch: folder != nil,
                             switches: fast.batchOneChoice?.switches ?? 0)
        }
    }

    /// The lines of `interleavedLatency` for one network: `times[0]` naslab's calls, then
    /// onnxruntime's on PyTorch's export (when `torch`) and on naslab's; `ratios` per round, sorted.
    private func printInterleaved(_ name: String, rounds: Int, times: [[Double]], ratios: [[Double]], torch: Bool, switches: Int) {
        let ms = { (t: [Double]) in String(format: "%.4f", t.min()! * 1000) }
        let labels = torch ? ["onnxruntime (PyTorch's export)", "onnxruntime (naslab's export)"] : ["onnxruntime (naslab's export)"]
        let keys = torch ? ["ort", "ort_naslab_export"] : ["ort_naslab_export"]
        var line = "BENCH net \(name) interleaved (\(rounds) rounds of 10 calls each side): naslab \(ms(times[0])) ms"
        var result = "RESULT side=interleaved net=\(name) naslab_ms=\(ms(times[0])) switches=\(switches)"
        for (k, (label, key)) in zip(labels, keys).enumerated() {
            let r = ratios[k + 1], ratio = times[0].min()! / times[k + 1].min()!
            line += "; \(label) \(ms(times[k + 1])) ms, ratio \(String(format: "%.2f", ratio)) (per round "
                + "\(String(format: "%.2f", r[0]))–\(String(format: "%.2f", r[r.count - 1])), median \(String(format: "%.2f", r[r.count / 2])))"
            result += " \(key)_ms=\(ms(times[k + 1])) \(key)_ratio=\(String(format: "%.4f", ratio))"
                + " \(key)_round_min=\(String(format: "%.4f", r[0])) \(key)_round_median=\(String(format: "%.4f", r[r.count / 2]))"
                + " \(key)_round_max=\(String(format: "%.4f", r[r.count - 1]))"
        }
        print(line)
        print(result)
    }

    /// Batch-1 latency of every network under each plan setting the inference model chooses
    /// from (one thread on one lane or on two lanes, with and without Winograd convolutions),
    /// in blocks of 50 consecutive calls, four passes in alternating order so that a change of
    /// load reaches every setting.
    @Test func latencySettings() throws {
        ComputeThreads.apply(Self.threads)
        let settings = [(1, 1, false), (1, 1, true), (1, 2, false), (1, 2, true), (Self.threads, 1, false)]
        for (name, spec) in BenchNetworks.all() {
            let model = try Model(spec: spec, seed: 1)
            var plans = try settings.map { setting in
                let fast = model.inferenceModel()
                fast.batchOneSetting = setting
                return try fast.plan(batch: 1)
            }
            // Two lanes with wide convolutions halved between them (only the timed choice builds it).
            let halved = try model.inferenceModel().batchOnePlan(threads: 1, lanes: 2, winograd: false, split: true)
            if halved.splitConvolutionCount > 0 { plans.append(halved) }
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
            let labels = settings.map { "\($0.1) lane(s) × \($0.0) thread(s)\($0.2 ? " Winograd" : "")" }
                + (plans.count > settings.count ? ["2 lane(s) × 1 thread(s), convolutions halved"] : [])
            let cells = zip(labels, times).map { label, t in
                let sorted = t.sorted()
                return "\(label): "
                    + "\(String(format: "%.3f", sorted[0])) best, \(String(format: "%.3f", sorted[sorted.count / 2])) median"
            }
            print("BENCH latency settings \(name) (ms): \(cells.joined(separator: "; "))")
            if ProcessInfo.processInfo.environment["NASLAB_BENCH_KERNELS"] == "1" {
                for (label, plan) in [("chosen", try model.inferenceModel().plan(batch: 1)), ("halved", halved)] {
                    let times = try plan.kernelTimes(one)
                    let rows = zip(plan.kernelSummary, times).map { "\($0) \(String(format: "%.1f", $1 * 1e6))" }
                    print("BENCH kernel times \(name), \(label) plan (µs, sum \(String(format: "%.1f", times.reduce(0, +) * 1e6))): "
                        + rows.joined(separator: ", "))
                }
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
        for (name, spec) in BenchNetworks.all() where only == nil || only == name {
            try benchmark(name, spec)
        }
    }

    /// GFLOP/s of oneDNN's depthwise kernels alone (forward and both backwards, best of 5 each) on
    /// the depthwise layers of `spec` at `batch`, or nil when it has none: the reference for the
    /// depthwise figure of the training step.
    private func depthwiseAlone(_ spec: NetworkSpec, batch: Int) throws -> Double? {
        var flops = 0.0, seconds = 0.0
        for node in spec.nodes {
            guard case .conv(let out, let k, let stride, let padding, let dilation, let groups, _) = node.op else { continue }
            let input = node.inputs[0] == -1 ? spec.input : spec.nodes[node.inputs[0]].outputShape
            guard groups > 1, groups == input.channels, groups == out else { continue }
            let g = ConvGeometry(batch: batch, inChannels: input.channels, outChannels: out, height: input.height,
                                 width: input.width, kernel: k, stride: stride, padding: padding, dilation: dilation,
                                 groups: groups)
            let kernel = try StandaloneConvolution(g)
            seconds += try best(5) { try kernel.run() }
            flops += kernel.flops
        }
        return flops > 0 ? flops / seconds / 1e9 : nil
    }

    /// Time and GFLOP/s of the convolutions of one training step by kind (plain and depthwise),
    /// forward and backward together, as text and as `RESULT` fields.
    private func convolutionFigures(_ clock: [String: KernelClock.Entry]) -> (text: String, fields: String) {
        var text: [String] = [], fields = ""
        for kind in ["conv", "depthwise"] {
            let passes = ["forward", "backward"].compactMap { clock["\(kind) \($0)"] }
            guard !passes.isEmpty else { continue }
            let seconds = passes.reduce(0) { $0 + $1.seconds }, flops = passes.reduce(0) { $0 + $1.flops }
            let gflops = flops / seconds / 1e9
            text.append("\(kind) \(format(seconds * 1000)) ms, \(format(gflops)) GFLOP/s "
                + "(forward \(format(passes[0].gflops)), backward \(format(passes.last!.gflops)))")
            fields += "\(kind)_ms=\(String(format: "%.3f", seconds * 1000)) \(kind)_gflops=\(format(gflops)) "
        }
        return (text.joined(separator: "; "), fields)
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
        // Each step's convolution time by kind (KernelClock), kept for the fastest step.
        var clocks: [(Double, [String: KernelClock.Entry])] = []
        KernelClock.isOn = true
        let times = try timings(steps) {
            KernelClock.reset()
            let start = DispatchTime.now().uptimeNanoseconds
            let loss = try model.forward(x, training: true, rng: &rng).softmaxCrossEntropy(labels: labels)
            sgd.zeroGrad(model.parameters)
            try loss.backward()
            sgd.step(model.parameters, lr: 0.01)
            clocks.append((Double(DispatchTime.now().uptimeNanoseconds - start), KernelClock.snapshot))
        }
        KernelClock.isOn = false
        let clock = clocks.min { $0.0 < $1.0 }?.1 ?? [:]
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
        var kinds = convolutionFigures(clock)
        if !kinds.text.isEmpty { print("BENCH net \(name) convolutions in the fastest training step: \(kinds.text)") }
        // The reference for the depthwise figure: two passes after the steps (not before: the
        // process's peak RSS would count them), the faster one.
        if let first = try depthwiseAlone(spec, batch: batch), let inStep = clock["depthwise forward"] {
            let alone = max(first, try depthwiseAlone(spec, batch: batch) ?? 0)
            let step = (clock["depthwise backward"].map { [$0, inStep] } ?? [inStep])
            let gflops = step.reduce(0) { $0 + $1.flops } / step.reduce(0) { $0 + $1.seconds } / 1e9
            print("BENCH net \(name) depthwise layers: \(format(gflops)) GFLOP/s in the training step, \(format(alone)) "
                + "by oneDNN's kernels alone on the same layers (\(percent(gflops, alone)))")
            kinds.fields += "depthwise_alone_gflops=\(format(alone)) "
        }
        print("RESULT side=naslab net=\(name) \(kinds.fields)train_ips=\(String(format: "%.1f", Double(batch) / t)) "
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
