import NASCore
import NASSpaces
import NASTensor

/// Once-for-all's elastic supernet (Cai et al., ICLR 2020): the largest `ofa` network, whose weights every sub-network shares.
///
/// The largest network has kernel 7, expansion 6 and depth 4 in every unit; a sub-network (any
/// architecture of the `ofa` space) runs the first `d` layers of each unit (elastic depth), each
/// at its kernel (the centre of the 7×7 kernel through learned transformation matrices) and its
/// expansion (the first, most important hidden channels), on the input resized to the
/// architecture's resolution. At `scale` `.published` a sub-network computes the same function
/// as the stand-alone network `space.network(a, …)` given the same weights (`activeTensors`);
/// a smaller scale narrows every layer and may keep the stem at stride 1 for small images.
/// Input shape and class count come from the data.
public final class ElasticSupernet {
    /// The space whose architectures it runs.
    public let space: OFASpace
    /// How far it is scaled down from the published network.
    public let scale: OFAScale
    /// The data's sample shape and class count.
    public let input: TensorShape, classes: Int
    /// The weight of each batch's statistics in batch norm's running statistics (training mode).
    public var batchNormMomentum: Float = 0.1
    let stem: Tensor, stemBN: ElasticBatchNorm
    let first: ElasticMBConv
    /// Each unit's four layers.
    let units: [[ElasticMBConv]]
    let headExpand: Tensor, headBN: ElasticBatchNorm, headMix: Tensor
    let classifier: Tensor, classifierBias: Tensor

    /// A supernet for `space` at `scale`, for samples of shape `input` and `classes` classes, with fresh weights (deterministic for a seed).
    public init(space: OFASpace, input: TensorShape, classes: Int, scale: OFAScale = .published, seed: UInt64) throws {
        self.space = space
        self.scale = try scale.validated()
        self.input = input
        self.classes = classes
        var rng = SeededRandom(seed: seed)
        let c = scale.channels, stemC = c(16)
        stem = Tensor.kaimingNormal([stemC, input.channels, 3, 3], fanIn: input.channels * 9, rng: &rng, name: "stem.conv.weight")
        stemBN = ElasticBatchNorm(channels: stemC, name: "stem.bn")
        first = ElasticMBConv(name: "first", inChannels: stemC, outChannels: stemC, stride: 1, maxExpansion: 1, kernels: [3],
                              activation: .relu, se: nil, rng: &rng)
        var units: [[ElasticMBConv]] = []
        var channels = stemC
        for u in 0..<5 {
            let width = c(OFASpace.widths[u])
            units.append((0..<OFASpace.depths.max()!).map { l in
                defer { channels = width }
                return ElasticMBConv(name: "unit\(u + 1).layer\(l + 1)", inChannels: channels, outChannels: width,
                                     stride: l == 0 ? OFASpace.strides[u] : 1, maxExpansion: OFASpace.expansions.max()!,
                                     kernels: OFASpace.kernels, activation: OFASpace.activations[u],
                                     se: OFASpace.usesSE[u] ? SqueezeExcite(ratio: 0.25, base: .expanded, divisor: 8) : nil, rng: &rng)
            })
        }
        self.units = units
        let headC = c(960), mixC = c(1280)
        headExpand = Tensor.kaimingNormal([headC, channels, 1, 1], fanIn: channels, rng: &rng, name: "head.expand.weight")
        headBN = ElasticBatchNorm(channels: headC, name: "head.bn")
        headMix = Tensor.kaimingNormal([mixC, headC, 1, 1], fanIn: headC, rng: &rng, name: "head.mix.weight")
        let bound = 1 / Double(mixC).squareRoot()
        classifier = Tensor.uniform([classes, mixC], bound: bound, rng: &rng, name: "classifier.weight")
        classifierBias = Tensor.uniform([classes], bound: bound, rng: &rng, name: "classifier.bias")
    }

    /// Every layer with elastic settings or fixed ones, in order.
    var layers: [ElasticMBConv] { [first] + units.flatMap { $0 } }

    /// Every batch norm, in order.
    var batchNorms: [ElasticBatchNorm] { [stemBN] + layers.flatMap(\.batchNorms) + [headBN] }

    /// Every trainable tensor (weights, batch-norm parameters, kernel transformation matrices), in a fixed order.
    public var parameters: [Tensor] {
        [stem] + stemBN.trainable + layers.flatMap(\.trainable) + [headExpand] + headBN.trainable + [headMix, classifier, classifierBias]
    }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// The largest sub-network (kernel 7, expansion 6, depth 4 everywhere) at the space's largest resolution.
    public var largest: Architecture {
        let unit = [OFASpace.depths.count - 1] + [Int](repeating: 0, count: 8).enumerated().map { i, _ in
            i % 2 == 0 ? OFASpace.kernels.count - 1 : OFASpace.expansions.count - 1
        }
        return Architecture(space: space.name, tokens: (0..<5).flatMap { _ in unit } + [space.resolutions.count - 1])
    }

    /// The stand-alone network of a sub-network at this supernet's scale (what it computes, for costs and shapes).
    public func subnetwork(_ architecture: Architecture) throws -> NetworkSpec {
        try space.network(architecture, input: input, classes: classes, scale: scale)
    }

    /// Runs the sub-network `architecture` on `[n, c, h, w]` samples (resized to its resolution); returns `[n, classes]` logits.
    public func forward(_ x: Tensor, architecture: Architecture, training: Bool) throws -> Tensor {
        try space.validate(architecture)
        let shape = space.networkInput(architecture, given: input)
        var h = BatchLoader.resized(x, height: shape.height, width: shape.width)
        let m = batchNormMomentum
        h = try stemBN(try h.conv2d(weight: stem, stride: scale.stemStride, padding: 1), training: training, momentum: m).hswish()
        h = try first(h, kernel: 3, expansion: 1, training: training, momentum: m)
        for (u, unit) in units.enumerated() {
            for (l, setting) in space.unitLayers(architecture, unit: u).enumerated() {
                h = try unit[l](h, kernel: setting.kernel, expansion: setting.expansion, training: training, momentum: m)
            }
        }
        h = try headBN(try h.conv2d(weight: headExpand), training: training, momentum: m).hswish()
        h = try h.globalAvgPool().plain().conv2d(weight: headMix).hswish()
        return try h.linear(weight: classifier, bias: classifierBias)
    }

    /// Puts every layer's hidden channels in order of importance (the start of the elastic-width stage).
    public func sortChannelsByImportance() {
        for layer in layers { layer.sortByImportance() }
    }

    /// The tensors of a sub-network under the stand-alone network's parameter names (`unit1.layer1.dwconv.weight`, …):
    /// the kernels transformed and the channels kept, for loading into `Model(spec: subnetwork(a))` or exporting.
    public func activeTensors(_ architecture: Architecture) throws -> [String: Tensor] {
        try space.validate(architecture)
        var out: [String: Tensor] = [stem.name: stem, headExpand.name: headExpand, headMix.name: headMix,
                                     classifier.name: classifier, classifierBias.name: classifierBias]
        out.merge(stemBN.active(stemBN.scale.count)) { a, _ in a }
        out.merge(headBN.active(headBN.scale.count)) { a, _ in a }
        out.merge(try first.active(kernel: 3, expansion: 1)) { a, _ in a }
        for (u, unit) in units.enumerated() {
            for (l, setting) in space.unitLayers(architecture, unit: u).enumerated() {
                out.merge(try unit[l].active(kernel: setting.kernel, expansion: setting.expansion)) { a, _ in a }
            }
        }
        return out
    }
}
