import CDNNL
import Dispatch
import Foundation
import NASCore
import Testing
@testable import NASTensor

/// Where the time of an MBConv block's training step goes (1×1 expansion, depthwise 3×3,
/// 1×1 projection, each with batch norm and ReLU6), op by op, and which kernels and layouts
/// oneDNN chose. Runs only with `NASLAB_BENCH=1` (in a release build); asserts nothing about time.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct DepthwiseTimingTests {
    static let threads = Int(ProcessInfo.processInfo.environment["NASLAB_BENCH_THREADS"] ?? "2") ?? 2

    /// A short text for a memory descriptor's layout: strides and inner blocks.
    static func layout(_ md: dnnl_memory_desc_t) -> String {
        var b = md.format_desc.blocking
        let rank = Int(md.ndims)
        let strides = withUnsafeBytes(of: &b.strides) { Array($0.bindMemory(to: Int64.self).prefix(rank)) }
        let blocks = withUnsafeBytes(of: &b.inner_blks) { Array($0.bindMemory(to: Int64.self).prefix(Int(b.inner_nblks))) }
        let idxs = withUnsafeBytes(of: &b.inner_idxs) { Array($0.bindMemory(to: Int64.self).prefix(Int(b.inner_nblks))) }
        return "strides \(strides) blocks \(zip(blocks, idxs).map { "\($0)@\($1)" })"
    }

    private func describe(_ g: ConvGeometry) throws {
        let plan = try ConvPlan.plan(g, bias: false)
        print("BENCH plan \(g): fwd \(plan.forward.implementation), bwd data \(plan.backwardData.implementation), "
            + "bwd weights \(plan.backwardWeights.implementation)")
        print("BENCH   fwd src \(Self.layout(plan.fwdSrc.kernel)) dst \(Self.layout(plan.fwdDst.kernel))")
        print("BENCH   bd diffDst \(Self.layout(plan.bdDiffDst.kernel)) diffSrc \(Self.layout(plan.bdDiffSrc.kernel))")
        print("BENCH   bw src \(Self.layout(plan.bwSrc.kernel)) diffDst \(Self.layout(plan.bwDiffDst.kernel))")
    }

    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func mbconvBlock() throws {
        ComputeThreads.apply(Self.threads)
        let (n, c, hidden, hw) = (128, 32, 192, 14)
        let x = GradientCheck.input([n, c, hw, hw], seed: 1, requiresGrad: false)
        let w1 = GradientCheck.input([hidden, c, 1, 1], seed: 2)
        let wd = GradientCheck.input([hidden, 1, 3, 3], seed: 3)
        let w2 = GradientCheck.input([c, hidden, 1, 1], seed: 4)
        func bn(_ t: Tensor, _ ch: Int) throws -> Tensor {
            try t.batchNorm(scale: Tensor.constant([ch], 1, requiresGrad: true), shift: Tensor(zeros: [ch], requiresGrad: true),
                            runningMean: Tensor(zeros: [ch]), runningVar: Tensor.constant([ch], 1, requiresGrad: false),
                            training: true)
        }
        var best = [String: Double]()
        for _ in 0..<6 {
            var t = [String: Double]()
            var a: Tensor!, b: Tensor!, d: Tensor!, e: Tensor!, p: Tensor!, q: Tensor!, out: Tensor!
            t["1x1 expand fwd"] = try seconds { a = try x.conv2d(weight: w1, keepLayout: true) }
            t["bn+relu6 fwd"] = try seconds { b = try bn(a, hidden).relu6() }
            t["depthwise fwd"] = try seconds { d = try b.conv2d(weight: wd, padding: 1, groups: hidden, keepLayout: true) }
            t["bn+relu6 fwd 2"] = try seconds { e = try bn(d, hidden).relu6() }
            t["1x1 project fwd"] = try seconds { p = try e.conv2d(weight: w2, keepLayout: true) }
            t["bn + plain + sum fwd"] = try seconds { q = try bn(p, c).plain(); out = q.sumAll() }
            t["backward all"] = try seconds { try out.backward() }
            for (k, v) in t { best[k] = min(best[k] ?? .infinity, v) }
        }
        for (k, v) in best.sorted(by: { $0.key < $1.key }) {
            print("BENCH mbconv \(k): \(String(format: "%.2f", v * 1000)) ms")
        }
        try describe(ConvGeometry(batch: n, inChannels: c, outChannels: hidden, height: hw, width: hw, kernel: 1))
        try describe(ConvGeometry(batch: n, inChannels: hidden, outChannels: hidden, height: hw, width: hw, kernel: 3,
                                  padding: 1, groups: hidden))
        try describe(ConvGeometry(batch: n, inChannels: hidden, outChannels: c, height: hw, width: hw, kernel: 1))
    }
}
