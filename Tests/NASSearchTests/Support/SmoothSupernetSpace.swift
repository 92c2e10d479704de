import NASCore
import NASSpaces

/// A two-edge supernet whose candidates are smooth (sigmoid, batch norm, pooling; no ReLU): the loss and its
/// gradients are differentiable everywhere, so finite differences of DARTS's unrolled validation loss —
/// which contains the weights' gradient — are meaningful. (With ReLUs that gradient jumps at every kink.)
struct SmoothSupernetSpace: SupernetSpace {
    static let options = ["none", "skip", "conv3_sigmoid", "conv1_bn", "avg_pool"]

    var name: String { "smooth" }
    var decisions: [Decision] { (0..<2).map { Decision(name: "edge\($0)", options: SmoothSupernetSpace.options) } }
    func canonical(_ architecture: Architecture) -> String { architecture.tokens.map(String.init).joined(separator: "-") }
    func parse(_ text: String) throws -> Architecture {
        Architecture(space: name, tokens: text.split(separator: "-").compactMap { Int($0) })
    }

    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try build(input: input, classes: classes, options: architecture.tokens.map { [$0] }).network
    }

    func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        try build(input: input, classes: classes, options: [Array(0..<5), Array(0..<5)])
    }

    func selection(of architecture: Architecture) throws -> [Int?] { architecture.tokens.map { $0 } }

    func derive(from weights: [[Double]]) throws -> Architecture {
        Architecture(space: name, tokens: weights.map { w in (1..<w.count).max { w[$0] < w[$1] }! })
    }

    /// Stem, two mixed edges in a chain, head; each edge holds the candidates `options[edge]`.
    private func build(input: TensorShape, classes: Int, options: [[Int]]) throws -> SupernetSpec {
        var b = try NetworkBuilder(input: input)
        var x = try b.chain([(.conv(outChannels: 4, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false), "stem"),
                             (.batchNorm, "stem.bn")], from: NetworkBuilder.inputID)
        var choices: [ChoicePoint] = []
        for (edge, candidates) in options.enumerated() {
            var branches = [Int?](repeating: nil, count: 5)
            for k in candidates { branches[k] = try candidate(k, &b, from: x, edge: edge) }
            let live = branches.compactMap { $0 }
            let mix = live.isEmpty ? try b.add(.zero(stride: 1), [x], name: "edge\(edge).zero")
                                   : try b.add(.add, live, name: "edge\(edge).mix")
            choices.append(ChoicePoint(row: edge, node: mix, branches: branches))
            x = mix
        }
        let head = try b.chain([(.globalAvgPool, "pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return SupernetSpec(network: b.build(output: head), rows: decisions, choices: choices)
    }

    private func candidate(_ k: Int, _ b: inout NetworkBuilder, from x: Int, edge: Int) throws -> Int? {
        let conv = { (kernel: Int) in LayerOp.conv(outChannels: 4, kernel: kernel, stride: 1, padding: kernel / 2, dilation: 1, groups: 1, bias: false) }
        switch k {
        case 1: return try b.add(.identity, [x], name: "edge\(edge).skip")
        case 2: return try b.chain([(conv(3), "edge\(edge).c3"), (.batchNorm, "edge\(edge).c3bn"), (.sigmoid, "edge\(edge).sig")], from: x)
        // Ends in batch norm: a weighted mix folds its weight into the norm's scale and shift.
        case 3: return try b.chain([(conv(1), "edge\(edge).c1"), (.batchNorm, "edge\(edge).c1bn")], from: x)
        case 4: return try b.add(.avgPool(kernel: 3, stride: 1, padding: 1, countIncludePad: false), [x], name: "edge\(edge).pool")
        default: return nil
        }
    }
}
