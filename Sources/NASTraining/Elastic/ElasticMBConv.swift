import NASCore
import NASSpaces
import NASTensor

/// One inverted-residual layer of the elastic supernet, at its largest kernel and expansion, whose smaller settings share its weights.
///
/// Elastic kernel (Cai et al., ICLR 2020, §3.2): a smaller depthwise kernel is the centre of the
/// next larger one multiplied by a learned kernel transformation matrix of the layer (7×7's centre
/// 5×5 through a 25×25 matrix, that 5×5's centre 3×3 through a 9×9 matrix), shared by the
/// layer's channels and initialised to the identity. Elastic width: an expansion `e` keeps the
/// first `e · in` hidden channels of the expansion, depthwise, squeeze-excite and projection
/// weights (`sortByImportance` puts the important ones first). Parameter names follow the
/// stand-alone network's layer names (`unit1.layer1.dwconv.weight`, …).
final class ElasticMBConv {
    /// The layer's name prefix (`unit1.layer1`, `first`).
    let name: String
    let inChannels: Int, outChannels: Int, stride: Int
    /// The kernels offered, ascending; the last is the stored one.
    let kernels: [Int]
    let activation: Nonlinearity
    /// The squeeze-excite settings, if the layer has it.
    let se: SqueezeExcite?
    /// Hidden channels at the largest expansion.
    let maxHidden: Int
    let expand: Tensor?, expandBN: ElasticBatchNorm?
    let depthwise: Tensor, depthwiseBN: ElasticBatchNorm
    /// The kernel transformation matrices by target kernel (`[t², t²]`).
    let transforms: [Int: Tensor]
    let seReduce: Tensor?, seReduceBias: Tensor?, seExpand: Tensor?, seExpandBias: Tensor?
    let project: Tensor, projectBN: ElasticBatchNorm

    /// A layer from `inChannels` to `outChannels` with up to `maxExpansion` and `kernels`; expansion 1 has no expansion conv.
    init(name: String, inChannels: Int, outChannels: Int, stride: Int, maxExpansion: Int, kernels: [Int],
         activation: Activation, se: SqueezeExcite?, rng: inout SeededRandom) {
        self.name = name
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.stride = stride
        self.kernels = kernels.sorted()
        self.activation = Nonlinearity(rawValue: activation.rawValue) ?? .relu
        self.se = se
        let hidden = inChannels * maxExpansion, k = self.kernels.last!
        maxHidden = hidden
        if maxExpansion != 1 {
            expand = Tensor.kaimingNormal([hidden, inChannels, 1, 1], fanIn: inChannels, rng: &rng, name: "\(name).expand.weight")
            expandBN = ElasticBatchNorm(channels: hidden, name: "\(name).expand.bn")
        } else {
            expand = nil
            expandBN = nil
        }
        depthwise = Tensor.kaimingNormal([hidden, 1, k, k], fanIn: k * k, rng: &rng, name: "\(name).dwconv.weight")
        depthwiseBN = ElasticBatchNorm(channels: hidden, name: "\(name).dw.bn")
        var transforms: [Int: Tensor] = [:]
        for t in self.kernels.dropLast() {
            let identity = (0..<(t * t * t * t)).map { $0 / (t * t) == $0 % (t * t) ? Float(1) : 0 }
            transforms[t] = Tensor(shape: [t * t, t * t], values: identity, requiresGrad: true, name: "\(name).dwconv.transform\(t)")
        }
        self.transforms = transforms
        if let se {
            let reduced = se.reducedChannels(input: inChannels, expanded: hidden)
            seReduce = Tensor.kaimingNormal([reduced, hidden, 1, 1], fanIn: hidden, rng: &rng, name: "\(name).se.reduce.weight")
            seReduceBias = Tensor.constant([reduced], 0, name: "\(name).se.reduce.bias")
            seExpand = Tensor.kaimingNormal([hidden, reduced, 1, 1], fanIn: reduced, rng: &rng, name: "\(name).se.expand.weight")
            seExpandBias = Tensor.constant([hidden], 0, name: "\(name).se.expand.bias")
        } else {
            (seReduce, seReduceBias, seExpand, seExpandBias) = (nil, nil, nil, nil)
        }
        project = Tensor.kaimingNormal([outChannels, hidden, 1, 1], fanIn: hidden, rng: &rng, name: "\(name).project.weight")
        projectBN = ElasticBatchNorm(channels: outChannels, name: "\(name).project.bn")
    }

    /// Every trainable tensor (weights, batch-norm affine parameters, transformation matrices).
    var trainable: [Tensor] {
        var all = (expand.map { [$0] } ?? []) + (expandBN?.trainable ?? []) + [depthwise] + depthwiseBN.trainable
        all += transforms.keys.sorted(by: >).map { transforms[$0]! }
        all += [seReduce, seReduceBias, seExpand, seExpandBias].compactMap { $0 }
        return all + [project] + projectBN.trainable
    }

    /// The batch norms, in order.
    var batchNorms: [ElasticBatchNorm] { (expandBN.map { [$0] } ?? []) + [depthwiseBN, projectBN] }

    /// The hidden channels at `expansion` (the input channels when the layer does not expand).
    func hidden(_ expansion: Int) -> Int { expand == nil ? inChannels : inChannels * expansion }

    /// The depthwise kernel of size `kernel` for the first `hidden` channels: the stored kernel
    /// cropped and transformed step by step down to `kernel` (differentiable in both).
    func activeKernel(_ kernel: Int, hidden: Int) throws -> Tensor {
        var w = depthwise.leading(hidden)
        for target in kernels.reversed() where target < w.shape[2] && target >= kernel {
            let t = target * target
            let centre = w.centreCrop(target).reshaped([hidden, t])
            w = try centre.linear(weight: transforms[target]!).reshaped([hidden, 1, target, target])
        }
        precondition(w.shape[2] == kernel, "\(name) offers kernels \(kernels), not \(kernel)")
        return w
    }

    /// The layer's output at `kernel` and `expansion` on `[n, in, h, w]` inputs.
    func callAsFunction(_ x: Tensor, kernel: Int, expansion: Int, training: Bool, momentum: Float) throws -> Tensor {
        let c = hidden(expansion)
        var h = x
        if let expand, let expandBN {
            h = try expandBN(try h.conv2d(weight: expand.leading(c)), training: training, momentum: momentum).activation(activation)
        }
        let dw = try activeKernel(kernel, hidden: c)
        h = try h.conv2d(weight: dw, stride: stride, padding: kernel / 2, groups: c)
        h = try depthwiseBN(h, training: training, momentum: momentum).activation(activation)
        if let gate = try squeezeExcite(h, hidden: c) { h = h.mul(gate) }
        h = try projectBN(try h.conv2d(weight: project.sliceChannels(start: 0, count: c)), training: training, momentum: momentum)
        return stride == 1 && inChannels == outChannels ? try h + x : h
    }

    /// The squeeze-excite gate `[n, c, 1, 1]` of hidden activations `h`, if the layer has SE.
    private func squeezeExcite(_ h: Tensor, hidden c: Int) throws -> Tensor? {
        guard let se, let seReduce, let seReduceBias, let seExpand, let seExpandBias else { return nil }
        let r = se.reducedChannels(input: inChannels, expanded: c)
        let pooled = try h.globalAvgPool().plain()
        let squeezed = try pooled.conv2d(weight: seReduce.leading(r).sliceChannels(start: 0, count: c), bias: seReduceBias.leading(r)).relu()
        return try squeezed.conv2d(weight: seExpand.leading(c).sliceChannels(start: 0, count: r), bias: seExpandBias.leading(c)).sigmoid()
    }

    /// The tensors of the sub-layer at `kernel` and `expansion`, by the stand-alone network's parameter names.
    func active(kernel: Int, expansion: Int) throws -> [String: Tensor] {
        let c = hidden(expansion)
        var out: [String: Tensor] = [depthwise.name: try activeKernel(kernel, hidden: c),
                                     project.name: project.sliceChannels(start: 0, count: c)]
        if let expand, let expandBN { out[expand.name] = expand.leading(c); out.merge(expandBN.active(c)) { a, _ in a } }
        out.merge(depthwiseBN.active(c)) { a, _ in a }
        out.merge(projectBN.active(outChannels)) { a, _ in a }
        if let se, let seReduce, let seReduceBias, let seExpand, let seExpandBias {
            let r = se.reducedChannels(input: inChannels, expanded: c)
            out[seReduce.name] = seReduce.leading(r).sliceChannels(start: 0, count: c)
            out[seReduceBias.name] = seReduceBias.leading(r)
            out[seExpand.name] = seExpand.leading(c).sliceChannels(start: 0, count: r)
            out[seExpandBias.name] = seExpandBias.leading(c)
        }
        return out
    }
}
