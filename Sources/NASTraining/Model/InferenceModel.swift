import Dispatch
import NASCore
import NASSpaces
import NASTensor

/// A model prepared for inference: the network written as an `InferenceGraph` from frozen
/// copies of the model's parameters, compiled into one `InferencePlan` per batch size (batch
/// norms folded into the kernels before them, activations and residual sums fused as oneDNN
/// post-ops, repeated activations merged, layouts kept blocked end to end, buffers preallocated
/// and reused). This is the path batch-1 latency is measured on.
///
/// Not thread-safe: a plan runs one call at a time.
public final class InferenceModel {
    /// The spec it runs.
    public let spec: NetworkSpec
    private let frozen: [Int: LayerParameters]
    private var plans: [Int: InferencePlan] = [:]
    /// The batch-1 choice between a one-core and a two-core plan, once built by the timed
    /// choice (`nil` with `batchOneSetting`, or where only one kind of plan applies).
    public private(set) var batchOneChoice: PlanChoice?
    /// How batch-1 plans run: kernel threads per lane, lanes (1, or 2 for independent branches
    /// side by side) and whether 3×3 convolutions use Winograd kernels (see `InferencePlan`).
    /// `nil` (the default) builds one thread on one lane and, when the calling thread's setting
    /// allows more than one thread, on two lanes, each with and without Winograd, and the
    /// caller's thread count on one lane; times them on the calling thread (183 ms in all for
    /// the NB201 network) and keeps the fastest, with the fastest of the other kind (one core or
    /// two) beside it in a `PlanChoice` that re-times the two as the machine's load changes.
    public var batchOneSetting: (threads: Int, lanes: Int, winograd: Bool)?

    /// Prepares `model` for inference (its current weights and running statistics).
    init(_ model: Model) {
        spec = model.spec
        frozen = model.layers.mapValues(InferenceModel.freeze)
    }

    /// A copy of parameters that later training does not change.
    private static func freeze(_ p: LayerParameters) -> LayerParameters {
        func copy(_ t: Tensor) -> Tensor { Tensor(shape: t.shape, values: t.values) }
        switch p {
        case .conv(let w, let b): return .conv(weight: copy(w), bias: b.map(copy))
        case .linear(let w, let b): return .linear(weight: copy(w), bias: b.map(copy))
        case .batchNorm(let s, let t, let m, let v): return .batchNorm(scale: copy(s), shift: copy(t),
                                                                       runningMean: copy(m), runningVar: copy(v))
        }
    }

    /// The number of kernels that carry a folded batch norm or a fused activation or sum, in the batch-1 plan.
    public var fusedKernelCount: Int { (try? plan(batch: 1))?.fusedKernelCount ?? 0 }

    /// Runs the network on `[n, c, h, w]` inputs and returns `[n, classes]` logits.
    ///
    /// Images of another resolution than the spec's are resized first (bilinear), as in
    /// `Model.forward`; a different channel count is an error.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        let x = try fitted(input)
        let plan = try plan(batch: x.batch)
        if x.batch == 1, let choice = batchOneChoice { return try choice(x) }
        return try plan(x)
    }

    /// The batch at the spec's input shape `[n, c, h, w]`.
    private func fitted(_ x: Tensor) throws -> Tensor {
        let s = spec.input
        guard x.shape.count >= 2, x.batch > 0, x.count > 0 else {
            throw ModelError("the network expects a batch of inputs of \(s), not a tensor of shape \(x.shape)")
        }
        let dims = [x.batch, s.channels, s.height, s.width]
        if x.count == dims.reduce(1, *) { return x.shape == dims ? x : try x.plain().reshaped(dims) }
        guard x.shape.count == 4, x.channels == s.channels else {
            throw ModelError("the network expects inputs of \(s), the data has samples of shape \(x.shape.dropFirst())")
        }
        return BatchLoader.resized(try x.plain(), height: s.height, width: s.width)
    }

    /// Forgets the compiled plans (the next call builds them again, e.g. after `batchOneSetting` changed).
    public func resetPlans() {
        plans = [:]
        batchOneChoice = nil
    }

    /// The compiled plan for `batch` inputs (built on first use); for batch 1, the one that
    /// serves calls now.
    public func plan(batch: Int) throws -> InferencePlan {
        if batch == 1, let choice = batchOneChoice { return choice.plan }
        if let hit = plans[batch] { return hit }
        let made: InferencePlan
        if batch == 1 && batchOneSetting == nil {
            // Two lanes or threads only where the caller's setting allows more than one thread.
            let threads = ComputeThreads.current
            let (fastest, other) = try fastestPlans([(1, 1, false), (1, 1, true)]
                + (threads > 1 ? [(1, 2, false), (1, 2, true), (threads, 1, false)] : []))
            if let other { batchOneChoice = PlanChoice(first: fastest, other: other) }
            made = fastest
        } else {
            let (g, output) = try graph(batch: batch)
            let setting = batch == 1 ? batchOneSetting : nil
            made = try g.compile(output: output, threads: setting?.threads, lanes: setting?.lanes ?? 1,
                                 winograd: setting?.winograd ?? false)
        }
        plans[batch] = made
        return made
    }

    /// Builds a plan per setting and returns the one with the lowest time over a few calls, and
    /// the fastest of those that use the other number of cores (one, or two), if any.
    private func fastestPlans(_ settings: [(threads: Int, lanes: Int, winograd: Bool)]) throws
        -> (fastest: InferencePlan, other: InferencePlan?) {
        let (g, output) = try graph(batch: 1)
        var candidates: [InferencePlan] = []
        for s in settings {
            let plan = try g.compile(output: output, threads: s.threads, lanes: s.lanes, winograd: s.winograd)
            // A setting that changes nothing (no branches to split, no Winograd kernel) is not timed.
            if (s.lanes > 1 && plan.lanes == 1) || (s.winograd && plan.winogradKernelCount == 0) { continue }
            candidates.append(plan)
        }
        let s = spec.input
        let x = Tensor(zeros: [1, s.channels, s.height, s.width])
        var best = [UInt64](repeating: .max, count: candidates.count)
        // Each candidate runs a block of consecutive calls (as it will run: its weights warm in
        // the caches), in forward then backward order, so that a change of load mid-way
        // reaches every candidate; the fastest call of each counts.
        for pass in 0..<2 {
            for i in pass == 0 ? Array(candidates.indices) : candidates.indices.reversed() {
                for call in 0..<8 {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = try candidates[i](x)
                    if call >= 2 { best[i] = min(best[i], DispatchTime.now().uptimeNanoseconds - start) }
                }
            }
        }
        let order = best.indices.sorted { best[$0] < best[$1] }
        let fastest = candidates[order[0]]
        let usesTwoCores = { (p: InferencePlan) in p.lanes * p.threads > 1 }
        let other = order.map { candidates[$0] }.first { usesTwoCores($0) != usesTwoCores(fastest) }
        return (fastest, other)
    }

    /// The batch-1 plan of one setting; with `split`, wide convolutions are halved between the
    /// two lanes (`InferenceGraph.compile(splitConvolutions:)`). Not among the timed choices: on
    /// this shared machine its best call is fast (0.045 against 0.072 ms on one thread for the
    /// bench's small CNN) but its median slow (0.29 ms), as the helper thread loses its core; the
    /// bench times it beside the others (`TrainingBenchmark/latencySettings`).
    func batchOnePlan(threads: Int, lanes: Int, winograd: Bool, split: Bool) throws -> InferencePlan {
        let (g, output) = try graph(batch: 1)
        return try g.compile(output: output, threads: threads, lanes: lanes, winograd: winograd, splitConvolutions: split)
    }

    /// The network as an inference graph for `batch` inputs, and its output value.
    private func graph(batch: Int) throws -> (InferenceGraph, InferenceGraph.Value) {
        let s = spec.input
        let g = try InferenceGraph(input: [batch, s.channels, s.height, s.width])
        var values: [InferenceGraph.Value] = []
        for node in spec.nodes {
            let inputs = node.inputs.map { $0 == -1 ? g.input : values[$0] }
            do {
                values.append(try add(node, inputs, to: g, batch: batch))
            } catch let error as InferenceGraphError {
                throw ModelError("node \(node.id) (\(node.name)): \(error.description)")
            }
        }
        return (g, values[spec.output])
    }

    /// Writes one node into the graph.
    private func add(_ node: LayerNode, _ inputs: [InferenceGraph.Value], to g: InferenceGraph,
                     batch: Int) throws -> InferenceGraph.Value {
        let x = inputs[0]
        switch (node.op, frozen[node.id]) {
        case (.conv(_, _, let stride, let padding, let dilation, let groups, _), .conv(let w, let b)?):
            return try g.conv(x, weight: w, bias: b, stride: stride, padding: padding, dilation: dilation,
                              groups: groups)
        case (.batchNorm, .batchNorm(let scale, let shift, let mean, let variance)?):
            return try g.batchNorm(x, scale: scale, shift: shift, mean: mean, variance: variance)
        case (.linear, .linear(let w, let b)?): return try g.linear(x, weight: w, bias: b)
        case (.relu, _): return g.activation(x, .relu)
        case (.relu6, _): return g.activation(x, .relu6)
        case (.hswish, _): return g.activation(x, .hswish)
        case (.sigmoid, _): return g.activation(x, .sigmoid)
        case (.swish, _): return g.activation(x, .swish)
        case (.maxPool(let k, let stride, let padding), _):
            return try g.pool(x, .max, kernel: k, stride: stride, padding: padding)
        case (.avgPool(let k, let stride, let padding, let include), _):
            return try g.pool(x, include ? .averageIncludingPadding : .averageExcludingPadding, kernel: k,
                              stride: stride, padding: padding)
        case (.globalAvgPool, _): return g.globalAvgPool(x)
        case (.add, _): return try g.add(inputs)
        case (.mul, _): return try g.mul(x, inputs[1])
        case (.concat, _): return try g.concat(inputs)
        case (.sliceChannels(let start, let count), _): return try g.sliceChannels(x, start: start, count: count)
        case (.shift(let rows, let cols), _): return try g.shift(x, rows: rows, cols: cols)
        case (.zero, _):
            let s = node.outputShape
            return try g.zeros([batch, s.channels, s.height, s.width])
        case (.identity, _), (.dropout, _): return x
        case (.conv, _), (.batchNorm, _), (.linear, _):
            throw ModelError("node \(node.id) (\(node.name)) has no parameters")
        }
    }
}

extension Model {
    /// This model prepared for fast inference (batch norm folded, activations fused, compiled plans).
    public func inferenceModel() -> InferenceModel { InferenceModel(self) }
}
