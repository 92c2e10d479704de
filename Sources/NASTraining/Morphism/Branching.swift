import NASCore
import NASSpaces
import NASTensor

/// Adds a residual branch at a ReLU: `x ↦ x + BN(conv3×3(x))`, with the batch norm's scale and
/// shift zero so that the branch adds nothing until training moves them.
///
/// Unlike deepening, this preserves the function in training mode too: a batch norm with scale
/// and shift zero outputs zeros whatever its statistics. The convolution starts Kaiming-normal,
/// as a fresh layer would (the "zero-γ" initialisation of residual branches, Goyal et al. 2017).
struct Branching {
    /// The ReLU whose output the branch reads and is added to.
    let node: Int

    /// The model with the branch; its convolution's weights are drawn from `rng`.
    func apply(to model: Model, rng: inout SeededRandom) throws -> Model {
        let made = try SpecSurgery.insertingConvBN(after: node, in: model, then: .add, named: "add",
                                                   reading: [SpecSurgery.anchor, 1])
        let channels = model.spec.nodes[node].outputShape.channels, added = made.added, tag = made.tag
        var layers = made.layers
        let shape = model.spec.nodes[node].outputShape
        layers[added[0]] = try LayerParameters.make(for: made.spec.nodes[added[0]], input: shape, rng: &rng)
        layers[added[1]] = .batchNorm(scale: Tensor.constant([channels], 0, name: "\(tag).bn.gamma"),
                                      shift: Tensor.constant([channels], 0, name: "\(tag).bn.beta"),
                                      runningMean: Tensor.constant([channels], 0, requiresGrad: false),
                                      runningVar: Tensor.constant([channels], 1, requiresGrad: false))
        return Model(spec: made.spec, layers: layers)
    }
}
