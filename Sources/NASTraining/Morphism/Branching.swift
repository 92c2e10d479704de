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
        try Deepening.requireReLU(node, in: model.spec)
        let channels = model.spec.nodes[node].outputShape.channels
        let tag = SpecSurgery.tag(for: model.spec)
        var surgery = SpecSurgery()
        surgery.inserted[node] = [
            .init(op: .conv(outChannels: channels, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false),
                  name: "\(tag).conv", inputs: [SpecSurgery.anchor]),
            .init(op: .batchNorm, name: "\(tag).bn", inputs: [0]),
            .init(op: .add, name: "\(tag).add", inputs: [SpecSurgery.anchor, 1]),
        ]
        let rebuilt = try surgery.apply(to: model.spec)
        var layers = SpecSurgery.carried(model, ids: rebuilt.ids)
        let added = rebuilt.added[node]!, shape = rebuilt.spec.nodes[rebuilt.ids[node]].outputShape
        layers[added[0]] = try LayerParameters.make(for: rebuilt.spec.nodes[added[0]], input: shape, rng: &rng)
        layers[added[1]] = .batchNorm(scale: Tensor.constant([channels], 0, name: "\(tag).bn.gamma"),
                                      shift: Tensor.constant([channels], 0, name: "\(tag).bn.beta"),
                                      runningMean: Tensor.constant([channels], 0, requiresGrad: false),
                                      runningVar: Tensor.constant([channels], 1, requiresGrad: false))
        return Model(spec: rebuilt.spec, layers: layers)
    }
}
