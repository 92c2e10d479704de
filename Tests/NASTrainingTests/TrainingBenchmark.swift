import Foundation
import NASCore
import NASSpaces
import NASTensor
import Testing
import NASTraining

/// Throughput figures for `scripts/bench.d/train.sh`; runs only with `NASLAB_BENCH=1` (in a
/// release build) and asserts nothing about time: timings never decide a test.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct TrainingBenchmark {
    static let threads = Int(ProcessInfo.processInfo.environment["NASLAB_BENCH_THREADS"] ?? "2") ?? 2

    private func randomTensor(_ shape: [Int], seed: UInt64, grad: Bool = false) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let t = Tensor(zeros: shape, requiresGrad: grad)
        for i in 0..<t.count { t.data[i] = Float(rng.nextGaussian()) }
        return t
    }

    /// The median of `repeats` timings of `body`, after one warm-up.
    private func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    @Test func kernels() throws {
        ComputeThreads.apply(Self.threads)
        for (name, n, c, hw, groups) in [("conv3x3 64->64 28x28", 128, 64, 28, 1),
                                         ("depthwise3x3 96 14x14", 128, 96, 14, 96)] {
            let x = randomTensor([n, c, hw, hw], seed: 1, grad: true)
            let w = randomTensor([c, c / groups, 3, 3], seed: 2, grad: true)
            let flops = 2.0 * Double(n * c * hw * hw * (c / groups) * 9) * 3  // forward + two backwards
            let t = try median(5) {
                let y = try x.conv2d(weight: w, padding: 1, groups: groups)
                x.zeroGrad(); w.zeroGrad()
                try y.backward()
            }
            print("BENCH kernel \(name) fwd+bwd: \(String(format: "%.1f", flops / t / 1e9)) GFLOP/s (\(String(format: "%.2f", t * 1000)) ms)")
        }
        let a = randomTensor([1024, 1024], seed: 3), b = randomTensor([1024, 1024], seed: 4)
        let t = try median(5) { _ = try a.linear(weight: b) }
        print("BENCH kernel GEMM 1024^3 (inner product): \(String(format: "%.1f", 2 * pow(1024, 3) / t / 1e9)) GFLOP/s")
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

    @Test func networks() throws {
        ComputeThreads.apply(Self.threads)
        let batch = Int(ProcessInfo.processInfo.environment["NASLAB_BENCH_BATCH"] ?? "128") ?? 128
        for (name, spec) in [("mlp", BenchNetworks.mlp()), ("small-cnn", BenchNetworks.smallCNN()),
                             ("nb201", BenchNetworks.nb201()), ("mobilenetv2", BenchNetworks.mobileNetV2())] {
            let model = try Model(spec: spec, seed: 1)
            var sgd = SGD(momentum: 0.9, nesterov: true, weightDecay: 5e-4)
            var rng = SeededRandom(seed: 1)
            let x = randomTensor([batch, 1, 28, 28], seed: 5)
            let labels = (0..<batch).map { $0 % 10 }
            let steps = name == "mlp" ? 50 : (name == "small-cnn" ? 10 : 3)
            let t = try median(steps) {
                let loss = try model.forward(x, training: true, rng: &rng).softmaxCrossEntropy(labels: labels)
                sgd.zeroGrad(model.parameters)
                try loss.backward()
                sgd.step(model.parameters, lr: 0.01)
            }
            let fast = model.inferenceModel()
            let one = randomTensor([1, 1, 28, 28], seed: 6)
            let latency = try median(50) { _ = try fast(one) }
            let unfused = try median(50) { _ = try model.forward(one, training: false, rng: &rng) }
            print("BENCH net \(name): train \(String(format: "%.0f", Double(batch) / t)) images/s "
                + "(batch \(batch), \(String(format: "%.1f", t * 1000)) ms/step), "
                + "batch-1 latency \(String(format: "%.3f", latency * 1000)) ms fused "
                + "(\(String(format: "%.3f", unfused * 1000)) ms unfused), params \(model.parameterCount)")
        }
    }
}
