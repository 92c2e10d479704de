/// The chain spaces, written with the composition primitives a user has.
extension ComposedSpace {
    /// MetaQNN's default layer ops: convolutions 1×1, 3×3, 5×5 (with a width choice) and 3×3 pooling.
    public static let chainOperations = ["conv1x1", "conv3x3", "conv5x5", "max_pool_3x3", "avg_pool_3x3"]

    /// A chain of layers (MetaQNN-style, Baker et al., ICLR 2017): a depth within `depth`; per
    /// layer a stride, then an op, with a width for ops that have weights; with `skips`, each
    /// layer also reads earlier layers (`.chosen`: one yes/no decision per earlier layer;
    /// `.resnet`: {i-1, i-2}; `.densenet`: {0..i-1}), merged by `merge`. Global pooling and a
    /// linear classifier follow.
    public static func chain(depth: ClosedRange<Int> = 1...6, operations: [String] = chainOperations,
                             widths: [Int] = [16, 32, 64, 128], strides: [Int] = [1, 2],
                             skips: InputPattern = .previous, merge: InputMerge = .concat) throws -> ComposedSpace {
        guard depth.lowerBound >= 1 else { throw SpaceError("a chain needs at least one layer; the depth range \(depth) starts at 0") }
        let branches = try operations.map { name -> SpaceAlternative in
            let op = try Operation(named: name)
            return SpaceAlternative(name, hasWeights(op) ? .choice("width", widths.map(String.init)) : .sequence([]))
        }
        var layer: [SpaceSpec] = [.choice("stride", strides.map(String.init))]
        if skips != .previous { layer.append(.inputs("inputs", skips, merge)) }
        layer.append(.alternatives("op", branches))
        let name = skips == .previous ? "chain" : "chain_\(skips.rawValue)"
        return try ComposedSpace(
            name: name, spec: .repeat("layer", depth, .sequence(layer)),
            help: "A chain of layers, the simplest space: a depth within a range and, for each layer, a stride, an op (convolution or pooling) and a width for convolutions. With skips, each layer also reads earlier layers: chosen one by one, or the fixed ResNet {i-1, i-2} and DenseNet {0..i-1} patterns. MetaQNN searched such chains with Q-learning; neuro-evolution mutates them by adding or removing a layer, changing an op or a hyperparameter, and adding or dropping a skip.",
            paper: "Baker, Gupta, Naik & Raskar, Designing Neural Network Architectures using Reinforcement Learning (MetaQNN), ICLR 2017; He et al., ResNet, CVPR 2016; Huang et al., DenseNet, CVPR 2017")
    }

    private static func hasWeights(_ op: Operation) -> Bool {
        switch op {
        case .avgPool, .maxPool, .identity, .zero, .globalPool: return false
        default: return true
        }
    }
}
