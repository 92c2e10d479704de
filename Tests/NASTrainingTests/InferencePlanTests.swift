import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// The compiled inference plans (`InferenceModel`) against the training graph in inference
/// mode (`Model.forward(training: false)`: every op unfused, batch norm with running
/// statistics), on networks of every space and on hand-written graphs with concat, slicing,
/// shifts, squeeze-and-excitation, zero edges, pooling and residual sums.
///
/// Tolerance: both sides compute in float32 with different rounding (batch norm folded into the
/// weights, sums accumulated inside convolution kernels, other kernel implementations), so
/// they agree to float32 rounding amplified by the network, not bit for bit. The bound is
/// `2e-4 · max(1, max |logit|)` plus 10 times the largest change of the reference's logits
/// when every input value is scaled by `1 + 1e-6` (a rounding-sized change): most networks
/// are well conditioned (differences below 1e-6 of the logits' scale for the hand-written and
/// bench networks and most spaces, 2–3e-6 for segment and fbnet), but the sampled OFA network
/// (20 layers, 64×64) at some inputs moves its logits by 0.18 for that input change, and the
/// plan differs there by 0.49 (of logits near 400). A wrong fusion (a batch norm missed or
/// folded twice, a sum term dropped or added twice, a stale buffer) moves logits by a
/// sizeable fraction of their scale.
@Suite struct InferencePlanTests {
    static let handWritten: [(String, NetworkSpec)] = [
        ("mlp", TestNetworks.mlp(input: TensorShape(channels: 1, height: 8, width: 8), classes: 10)),
        ("cnn", TestNetworks.referenceCNN()),
        ("nb201-cell", TestNetworks.nb201Cell(input: TensorShape(channels: 3, height: 8, width: 8))),
        ("mbconv-se", TestNetworks.mbconvSE(input: TensorShape(channels: 3, height: 8, width: 8))),
        ("concat-slice-shift", TestNetworks.concatSliceShift(input: TensorShape(channels: 3, height: 8, width: 8))),
        ("bench-nb201", BenchNetworks.nb201(cells: 2)),
        ("bench-mobilenetv2", BenchNetworks.mobileNetV2()),
    ]

    /// A network of a catalogue space (one sampled architecture) or a hand-written one.
    private static func network(_ name: String) throws -> NetworkSpec {
        if let hand = handWritten.first(where: { $0.0 == name }) { return hand.1 }
        let space = try SpaceCatalogue.make(name)
        var rng = SeededRandom(seed: 21)
        return try space.network(space.sample(using: &rng), input: TensorShape(channels: 1, height: 28, width: 28),
                                 classes: 10)
    }

    /// A model whose batch norms have non-trivial statistics and affine parameters (so folding
    /// them changes the weights), near enough to the identity that 20-layer networks stay well
    /// conditioned (wider draws give logits in the thousands that cancel).
    private static func model(_ spec: NetworkSpec) throws -> Model {
        let model = try Model(spec: spec, seed: 1)
        var rng = SeededRandom(seed: 5)
        for case .batchNorm(let scale, let shift, let mean, let variance)
            in model.layers.sorted(by: { $0.key < $1.key }).map(\.value) {
            for i in 0..<scale.count {
                scale.data[i] = Float(0.8 + 0.4 * rng.nextDouble())
                shift.data[i] = Float(0.4 * rng.nextDouble() - 0.2)
                mean.data[i] = Float(0.4 * rng.nextDouble() - 0.2)
                variance.data[i] = Float(0.8 + 0.45 * rng.nextDouble())
            }
        }
        return model
    }

    private static func inputs(_ spec: NetworkSpec, n: Int, seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let s = spec.input
        let x = Tensor(zeros: [n, s.channels, s.height, s.width])
        for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
        return x
    }

    /// The largest violation of the tolerance (≤ 0 passes); `sensitivity` is the reference's
    /// change for a rounding-sized change of the input.
    private static func violation(_ got: [Float], _ expected: [Float], sensitivity: Float) -> Float {
        guard got.count == expected.count else { return .infinity }
        let scale = max(1, expected.map(abs).max() ?? 0)
        return zip(got, expected).map { abs($0 - $1) - 2e-4 * scale - 10 * sensitivity }.max() ?? 0
    }

    /// The largest change of the reference's logits when the input is scaled by `1 + 1e-6`.
    private static func sensitivity(_ model: Model, _ x: Tensor, _ expected: [Float]) throws -> Float {
        var rng = SeededRandom(seed: 3)
        let bumped = Tensor(shape: x.shape, values: x.values.map { $0 * (1 + 1e-6) })
        let moved = try model.forward(bumped, training: false, rng: &rng).values
        return zip(expected, moved).map { abs($0 - $1) }.max() ?? 0
    }

    static let names = SpaceCatalogue.names + handWritten.map(\.0)

    @Test(arguments: names)
    func planMatchesTheTrainingGraph(_ name: String) throws {
        let spec = try Self.network(name)
        let model = try Self.model(spec)
        let fast = model.inferenceModel()
        fast.batchOneSetting = (threads: 2, lanes: 1, winograd: false)
        var rng = SeededRandom(seed: 3)
        for n in [1, 3] {
            let a = Self.inputs(spec, n: n, seed: 7), b = Self.inputs(spec, n: n, seed: 8)
            let expectedA = try model.forward(a, training: false, rng: &rng).values
            let expectedB = try model.forward(b, training: false, rng: &rng).values
            let gotA = try fast(a).values, gotB = try fast(b).values, again = try fast(a).values
            let (sa, sb) = (try Self.sensitivity(model, a, expectedA), try Self.sensitivity(model, b, expectedB))
            #expect(Self.violation(gotA, expectedA, sensitivity: sa) <= 0, "\(name), batch \(n): plan differs")
            #expect(Self.violation(gotB, expectedB, sensitivity: sb) <= 0, "\(name), batch \(n), second input")
            // Buffers are reused between calls; nothing of the previous call may leak into the next.
            #expect(again == gotA, "\(name), batch \(n): the same input gave another output after another call")
        }
    }

    /// Winograd convolutions (the batch-1 plans may choose them) round differently from direct
    /// ones but compute the same network, on one lane and on two.
    @Test(arguments: ["nb201", "cell", "chain_resnet", "cnn", "nb201-cell", "bench-nb201"])
    func winogradPlansMatchTheTrainingGraph(_ name: String) throws {
        let spec = try Self.network(name)
        let model = try Self.model(spec)
        var rng = SeededRandom(seed: 3)
        for lanes in [1, 2] {
            let fast = model.inferenceModel()
            fast.batchOneSetting = (threads: 1, lanes: lanes, winograd: true)
            for seed in [7, 8] as [UInt64] {
                let x = Self.inputs(spec, n: 1, seed: seed)
                let expected = try model.forward(x, training: false, rng: &rng).values
                let got = try fast(x).values
                #expect(Self.violation(got, expected, sensitivity: try Self.sensitivity(model, x, expected)) <= 0,
                        "\(name), \(lanes) lanes, input \(seed)")
            }
            if name.contains("nb201") { #expect(try fast.plan(batch: 1).winogradKernelCount > 0) }
        }
    }

    /// The two-lane plan runs the same kernels as the one-thread plan, only on two threads, so
    /// its output is the same to the bit.
    @Test(arguments: ["nb201", "cell", "chain_densenet", "nb201-cell", "mbconv-se", "concat-slice-shift", "bench-nb201"])
    func twoLanesComputeWhatOneLaneComputes(_ name: String) throws {
        let spec = try Self.network(name)
        let model = try Self.model(spec)
        let one = model.inferenceModel(), two = model.inferenceModel()
        one.batchOneSetting = (threads: 1, lanes: 1, winograd: false)
        two.batchOneSetting = (threads: 1, lanes: 2, winograd: false)
        for seed in 0..<4 as Range<UInt64> {
            let x = Self.inputs(spec, n: 1, seed: seed)
            #expect(try two(x).values == one(x).values, "\(name), input \(seed)")
        }
    }

    /// The timed choice at two threads keeps a one-core plan and a two-core plan and re-times
    /// them while it serves calls (`PlanChoice`); whichever answers, and across its probes of the
    /// other, every call computes the training graph's output.
    @Test(arguments: ["nb201", "small-cnn"])
    func chosenPlanAnswersAlikeAcrossItsProbes(_ name: String) throws {
        let spec = name == "small-cnn" ? BenchNetworks.smallCNN() : try Self.network(name)
        let model = try Self.model(spec)
        let previous = ComputeThreads.current
        ComputeThreads.apply(2)
        defer { ComputeThreads.apply(previous) }
        let fast = model.inferenceModel()
        var rng = SeededRandom(seed: 3)
        let x = Self.inputs(spec, n: 1, seed: 7)
        let expected = try model.forward(x, training: false, rng: &rng).values
        let sensitivity = try Self.sensitivity(model, x, expected)
        var worst: Float = -.infinity
        for _ in 0..<(PlanChoice.shortestWindow * 8) {  // three probes of the other plan at least
            worst = max(worst, Self.violation(try fast(x).values, expected, sensitivity: sensitivity))
        }
        #expect(worst <= 0, "\(name): a call of the chosen plan differs from the training graph")
        #expect(fast.batchOneChoice != nil, "\(name): no second plan to choose from at two threads")
    }

    /// Convolutions halved between the two lanes (each half computes its output channels into
    /// its half of one blocked buffer) compute the same network; the bench's small CNN, a chain
    /// without branches, halves both of its convolutions and runs on both lanes.
    @Test(arguments: ["small-cnn", "cnn", "nb201", "cell", "nb201-cell", "bench-nb201", "bench-mobilenetv2"])
    func halvedConvolutionsComputeTheSameNetwork(_ name: String) throws {
        let spec = name == "small-cnn" ? BenchNetworks.smallCNN() : try Self.network(name)
        let model = try Self.model(spec)
        let plan = try model.inferenceModel().batchOnePlan(threads: 1, lanes: 2, winograd: false, split: true)
        var rng = SeededRandom(seed: 3)
        for seed in [7, 8] as [UInt64] {
            let x = Self.inputs(spec, n: 1, seed: seed)
            let expected = try model.forward(x, training: false, rng: &rng).values
            let got = try plan(x).values, again = try plan(x).values
            #expect(Self.violation(got, expected, sensitivity: try Self.sensitivity(model, x, expected)) <= 0,
                    "\(name), input \(seed)")
            #expect(again == got, "\(name): the same input gave another output after another call")
        }
        if name == "small-cnn" { #expect(plan.splitConvolutionCount == 2 && plan.lanes == 2) }
    }

    /// NB201's ReLU-conv-BN edges: every batch norm is folded, every edge's ReLU on the same node
    /// is computed once, and the convolutions of a node's sum accumulate into one buffer.
    @Test func nb201CellCompilesToFusedKernels() throws {
        let model = try Model(spec: BenchNetworks.nb201(cells: 1), seed: 1)
        let fast = model.inferenceModel()
        fast.batchOneSetting = (threads: 1, lanes: 1, winograd: false)
        let plan = try fast.plan(batch: 1)
        // Convolutions: stem, 3 cells × 5 edges, 2 reductions × 3 → 22 kernels, each with its
        // batch norm folded in (the shortcut conv adds itself into its block's sum). ReLUs: a
        // cell's node 1 is read only through ReLU, so that ReLU runs inside node 1's
        // convolution; node 2 is a sum read only through ReLU, applied by the convolution that
        // adds itself last into it; node 0 (also read without ReLU by the cell's output sum)
        // keeps one ReLU kernel, shared by its two edges: 1 per cell. A
        // reduction's ReLU of its input is a kernel, the second one is fused. Then 2 average
        // pools, the final BN+ReLU as one kernel, global pooling and the linear layer (whose
        // plain output is the plan's output: no conversion). No reorder and no separate add.
        #expect(plan.kernelCount == 22 + 3 * 1 + 2 * 1 + 2 + 1 + 1 + 1, "\(plan.kernelSummary)")
        #expect(!plan.kernelSummary.contains { $0.hasPrefix("ref") }, "\(plan.kernelSummary)")
    }

    /// A cell node with no edge in is a zero tensor, lowered in its neighbours' blocked layout: in
    /// a plain one it carried the plain layout into the sums and convolutions after it, which
    /// oneDNN then ran with its GEMM-based kernels (3.5× slower on this NB201 network). The cell
    /// runs the same kinds of kernels as the cell whose node 1 is fed, and computes the network.
    @Test func zeroNodesKeepTheBlockedLayout() throws {
        let space = NB201Space()
        func plan(_ cell: String) throws -> (InferencePlan, Model, NetworkSpec) {
            let spec = try space.network(try space.parse(cell), input: space.defaultInput, classes: 10)
            let model = try Self.model(spec)
            let fast = model.inferenceModel()
            fast.batchOneSetting = (threads: 1, lanes: 1, winograd: false)
            return (try fast.plan(batch: 1), model, spec)
        }
        let (fed, _, _) = try plan("|skip_connect~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|")
        let (zero, model, spec) = try plan("|none~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|")
        let gemm = { (p: InferencePlan) in p.kernelSummary.filter { $0.contains("gemm") }.count }
        #expect(gemm(zero) == gemm(fed), "zero node: \(zero.kernelSummary)\nfed: \(fed.kernelSummary)")
        var rng = SeededRandom(seed: 3)
        let x = Self.inputs(spec, n: 1, seed: 7)
        let expected = try model.forward(x, training: false, rng: &rng).values
        #expect(Self.violation(try zero(x).values, expected, sensitivity: try Self.sensitivity(model, x, expected)) <= 0)
    }

    /// FBNet's grouped 1×1 convolutions (12 channels per group at 24 channels) end blocks with a
    /// residual sum; oneDNN can fuse such a convolution into a 16-channel-blocked sum only with its
    /// reference kernel (10-100× slower), so the plan computes it on its own and adds it.
    @Test func groupedConvolutionsIntoSumsAvoidReferenceKernels() throws {
        let space = FBNetSpace()
        let a = try space.parse(Array(repeating: "k3_e1_g2", count: 22).joined(separator: "-"))
        let model = try Model(spec: space.network(a, input: TensorShape(channels: 3, height: 32, width: 32), classes: 10), seed: 1)
        let fast = model.inferenceModel()
        fast.batchOneSetting = (threads: 1, lanes: 1, winograd: false)
        let plan = try fast.plan(batch: 1)
        #expect(!plan.kernelSummary.contains { $0.hasPrefix("ref") }, "\(plan.kernelSummary)")
    }

    @Test func badInputIsAClearError() throws {
        let spec = BenchNetworks.smallCNN()
        let fast = try Model(spec: spec, seed: 1).inferenceModel()
        #expect(throws: ModelError.self) { try fast(Tensor(zeros: [1, 3, 28, 28])) }
        do { _ = try fast(Tensor(zeros: [1, 3, 28, 28])) } catch { #expect("\(error)".contains("1×28×28")) }
        #expect(throws: ModelError.self) { try fast(Tensor(zeros: [784])) }
        #expect(throws: ModelError.self) { try fast(Tensor(zeros: [0, 1, 28, 28])) }
        let plan = try fast.plan(batch: 1)
        #expect(throws: InferenceGraphError.self) { try plan(Tensor(zeros: [2, 1, 28, 28])) }
        // The right input still works after the errors.
        #expect(try fast(Tensor(zeros: [2, 1, 28, 28])).shape == [2, 10])
    }
}
