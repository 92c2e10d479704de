import NASCore
import NASSpaces
import NASTensor

/// A function-preserving change of a network (network morphism): the morphed model computes
/// what the original did, with more capacity to train.
///
/// `widen` is Net2WiderNet and `deepen` Net2DeeperNet (Chen, Goodfellow & Shlens, ICLR 2016;
/// see also Wei et al., ICML 2016); `branch` adds a residual branch initialised to add zero
/// (the additive skip connection of Elsken et al., 2017). Each works on a `Model` and returns a
/// new one whose parameters derive from the original's; the original is left unchanged.
public enum Morphism: Sendable, Hashable, CustomStringConvertible {
    /// Gives convolution `node` `to` output channels (replicating existing ones).
    case widen(node: Int, to: Int)
    /// Inserts an identity-initialised 3×3 convolution, batch norm and ReLU after ReLU `after`.
    case deepen(after: Int)
    /// Adds `x + BN(conv3×3(x))` at ReLU `at`, with the batch norm's scale and shift zero.
    case branch(at: Int)

    /// The morphism in code form: `widen(node: 3, to: 32)`.
    public var description: String {
        switch self {
        case .widen(let node, let width): return "widen(node: \(node), to: \(width))"
        case .deepen(let node): return "deepen(after: \(node))"
        case .branch(let node): return "branch(at: \(node))"
        }
    }

    /// The morphism in words, naming the layer it changes in `spec`: `widen conv2 16→32`.
    public func summary(in spec: NetworkSpec) -> String {
        func name(_ id: Int) -> String { id >= 0 && id < spec.nodes.count ? spec.nodes[id].name : "node \(id)" }
        switch self {
        case .widen(let node, let width):
            let before = spec.nodes.indices.contains(node) ? spec.nodes[node].outputShape.channels : 0
            return "widen \(name(node)) \(before)→\(width)"
        case .deepen(let node): return "deepen after \(name(node))"
        case .branch(let node): return "branch at \(name(node))"
        }
    }

    /// The morphed model; `model` is left as it was.
    ///
    /// - Parameters:
    ///   - rng: draws the channels that widening copies and a branch's initial weights.
    ///   - noise: widening only: the standard deviation of noise on the next layer's weights for
    ///     the copied channels, relative to the root mean square of that layer's weights; it sums
    ///     to zero over the copies of a channel, so the function stays the same (0: none).
    ///   - calibration: deepening only: a batch of inputs whose statistics at the new batch norm
    ///     initialise it, so that it also starts close to the identity in training mode.
    public func apply(to model: Model, rng: inout SeededRandom, noise: Double = 0,
                      calibration: Tensor? = nil) throws -> Model {
        switch self {
        case .widen(let node, let width):
            guard model.spec.nodes.indices.contains(node) else { throw ModelError("there is no node \(node) to widen") }
            return try Widening(node: node, width: width, noise: noise).apply(to: model, rng: &rng)
        case .deepen(let node): return try Deepening(node: node).apply(to: model, calibration: calibration)
        case .branch(let node): return try Branching(node: node).apply(to: model, rng: &rng)
        }
    }

    /// Every morphism that applies to `spec`: widening each convolution that can be widened to
    /// `widthFactor` times its channels (at most `maxWidth`), and deepening and branching at each
    /// ReLU with an image output.
    public static func candidates(in spec: NetworkSpec, widthFactor: Double = 2, maxWidth: Int = 256) -> [Morphism] {
        var found: [Morphism] = []
        for node in spec.nodes {
            if case .conv(let out, _, _, _, _, _, _) = node.op, (try? Widening.path(from: node.id, in: spec)) != nil {
                let width = min(Int((Double(out) * widthFactor).rounded(.up)), maxWidth)
                if width > out { found.append(.widen(node: node.id, to: width)) }
            }
            if node.op == .relu, node.outputShape.height * node.outputShape.width > 1 {
                found += [.deepen(after: node.id), .branch(at: node.id)]
            }
        }
        return found
    }
}
