import CDNNL
import Dispatch
import Foundation
import NASCore
import Testing
@testable import NASTensor

/// Where the time of a small op goes: the whole op and each step of its oneDNN path (kernel
/// lookup, memory objects, stream, execution on one and on two OpenMP threads), on 64 values.
/// Runs only with `NASLAB_BENCH=1` (in a release build) and prints `BENCH` lines; it asserts
/// nothing about time.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct SmallOpTimingTests {
    static let threads = Int(ProcessInfo.processInfo.environment["NASLAB_BENCH_THREADS"] ?? "2") ?? 2

    /// The median wall time of `repeats` runs of `body`, in µs, after 50 warm-up runs.
    private func micros(_ repeats: Int = 4000, _ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<50 { try body() }
        var times: [Double] = []
        times.reserveCapacity(repeats)
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
        }
        return times.sorted()[repeats / 2]
    }

    private func report(_ name: String, _ value: Double) {
        print("BENCH smallop \(name): \(String(format: "%.2f", value)) µs")
    }

    private func input(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        GradientCheck.input(shape, seed: 11, requiresGrad: requiresGrad)
    }

    @Test func wholeOps() throws {
        ComputeThreads.apply(Self.threads)
        let x = input([1, 16, 2, 2]), y = input([1, 16, 2, 2])
        let gx = input([1, 16, 2, 2], requiresGrad: true)
        let gamma = Tensor.constant([16], 1, requiresGrad: true), beta = Tensor(zeros: [16], requiresGrad: true)
        let rm = Tensor(zeros: [16]), rv = Tensor.constant([16], 1, requiresGrad: false)
        report("relu forward, 64 values", try micros { _ = try x.relu() })
        report("relu6 forward, 64 values", try micros { _ = try x.relu6() })
        report("sigmoid forward, 64 values", try micros { _ = try x.sigmoid() })
        report("add forward, 64 values", try micros { _ = try x + y })
        report("batch norm (training) forward, 64 values", try micros {
            _ = try x.batchNorm(scale: gamma, shift: beta, runningMean: rm, runningVar: rv, training: true)
        })
        let blocked = try Self.blocked(x)
        report("relu forward, 64 values in nChw16c", try micros { _ = try blocked.relu() })
        report("batch norm (training) forward, 64 values in nChw16c", try micros {
            _ = try blocked.batchNorm(scale: gamma, shift: beta, runningMean: rm, runningVar: rv, training: true)
        })
        report("relu forward + backward, 64 values", try micros {
            gx.zeroGrad()
            try gx.relu().sumAll().backward()
        })
        report("sumAll forward + backward alone, 64 values", try micros {
            gx.zeroGrad()
            try gx.scaled(1).sumAll().backward()
        })
        report("batch norm forward + backward, 64 values", try micros {
            gx.zeroGrad()
            try gx.batchNorm(scale: gamma, shift: beta, runningMean: rm, runningVar: rv, training: true)
                .sumAll().backward()
        })
    }

    /// Swift loops against oneDNN's kernels (two threads) by size: where `SmallActivation.threshold` belongs.
    @Test func crossover() throws {
        ComputeThreads.apply(Self.threads)
        for act in [Nonlinearity.relu, .relu6, .sigmoid, .tanh] {
            var cells: [String] = []
            for n in [256, 1024, 4096, 16384, 65536] {
                let x = input([n]), y = Tensor(zeros: [n])
                let plan = try EltwisePlan.plan(act, count: n)
                let src = try DNNLMemory(plan.desc, x.storage.raw), dst = try DNNLMemory(plan.desc, y.storage.raw)
                let swift = micros(400) { SmallActivation.forward(act, x.storage.pointer, y.storage.pointer, n) }
                let dnnl = try micros(400) { try plan.forward.execute([(DNNL.Arg.src, src), (DNNL.Arg.dst, dst)]) }
                cells.append("\(n): \(String(format: "%.2f", swift)) / \(String(format: "%.2f", dnnl))")
            }
            print("BENCH crossover \(act) (µs, Swift / oneDNN): \(cells.joined(separator: ", "))")
        }
        var cells: [String] = []
        for side in [2, 4, 8, 16, 32] {
            let x = input([1, 16, side, side]), blocked = try Self.blocked(x)
            let gamma = Tensor.constant([16], 1, requiresGrad: true), beta = Tensor(zeros: [16], requiresGrad: true)
            let rm = Tensor(zeros: [16]), rv = Tensor.constant([16], 1, requiresGrad: false)
            let plain = try micros(400) {
                _ = try x.batchNorm(scale: gamma, shift: beta, runningMean: rm, runningVar: rv, training: true)
            }
            let dnnl = try micros(400) {
                _ = try blocked.batchNorm(scale: gamma, shift: beta, runningMean: rm, runningVar: rv, training: true)
            }
            cells.append("\(x.count): \(String(format: "%.2f", plain)) / \(String(format: "%.2f", dnnl))")
        }
        print("BENCH crossover batch norm forward (µs, plain / nChw16c): \(cells.joined(separator: ", "))")
    }

    /// `x` in the blocked layout a 3×3 convolution's kernel reads (`nChw16c` for 16 channels).
    private static func blocked(_ x: Tensor) throws -> Tensor {
        let g = ConvGeometry(batch: x.batch, inChannels: x.channels, outChannels: x.channels, height: x.height,
                             width: x.width, kernel: 3, padding: 1)
        let kernel = try ConvPlan.plan(g, bias: false).fwdSrc.kernel
        let out = Tensor(shape: x.shape, blocked: kernel)
        try Reorder.copy(x.storage.raw, from: DNNL.plain(x.shape), out.storage.raw, to: kernel)
        return out
    }

    /// The steps of the oneDNN activation path, one at a time.
    @Test func oneDNNSteps() throws {
        ComputeThreads.apply(Self.threads)
        let x = input([1, 16, 2, 2])
        let out = Tensor(zeros: [1, 16, 2, 2])
        let plan = try EltwisePlan.plan(.relu, count: 64)
        report("kernel cache lookup", try micros { _ = try EltwisePlan.plan(.relu, count: 64) })
        report("two memory objects", try micros {
            _ = try DNNLMemory(plan.desc, x.storage.raw)
            _ = try DNNLMemory(plan.desc, out.storage.raw)
        })
        report("stream create + destroy", try micros { _ = try DNNLStream() })
        report("output tensor allocation", micros { _ = Tensor(uninitialized: [1, 16, 2, 2]) })
        let src = try DNNLMemory(plan.desc, x.storage.raw), dst = try DNNLMemory(plan.desc, out.storage.raw)
        report("execute (fresh stream), \(ComputeThreads.current) threads", try micros {
            try plan.forward.execute([(DNNL.Arg.src, src), (DNNL.Arg.dst, dst)])
        })
        let stream = try DNNLStream()
        let args = [dnnl_exec_arg_t(arg: DNNL.Arg.src, memory: src.handle),
                    dnnl_exec_arg_t(arg: DNNL.Arg.dst, memory: dst.handle)]
        report("primitive_execute on a kept stream, \(ComputeThreads.current) threads", try micros {
            _ = dnnl_primitive_execute(plan.forward.primitive, stream.handle, 2, args)
            try stream.wait()
        })
        ComputeThreads.apply(1)
        let single = try EltwisePlan.plan(.relu, count: 64)
        report("primitive_execute on a kept stream, 1 thread", try micros {
            _ = dnnl_primitive_execute(single.forward.primitive, stream.handle, 2, args)
            try stream.wait()
        })
        report("relu forward, 1 thread", try micros { _ = try x.relu() })
        ComputeThreads.apply(Self.threads)
        report("Swift loop max(x, 0), 64 values", micros {
            for i in 0..<64 { out.data[i] = max(x.data[i], 0) }
        })
    }
}
