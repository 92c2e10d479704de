import NASCore
import NASSpaces
import NASTensor

/// Net2WiderNet (Chen et al. 2016): gives a convolution more output channels without changing
/// the network's function.
///
/// Each new channel copies a randomly chosen existing one: the convolution's filters and bias,
/// and the batch norms' parameters and running statistics along the path to the next layer. The
/// next convolution or linear layer reads each copy with the original's input weights divided by
/// the number of copies, so the sum it computes is unchanged. Optional noise is added to those
/// input weights so that it sums to zero over the copies of a channel: it breaks the copies'
/// symmetry in training and still preserves the function.
struct Widening {
    /// The widened convolution's node id.
    let node: Int
    /// Its new number of output channels.
    let width: Int
    /// The noise's standard deviation, relative to the root mean square of the next layer's weights.
    let noise: Double

    /// The channel-wise layers between the convolution and the layer that reads its channels.
    struct Path {
        /// The channel-wise nodes, in order (batch norms, activations, poolings).
        var between: [Int]
        /// The convolution or linear layer that reads the channels.
        var reader: Int
    }

    /// The path from convolution `id` to the next layer, or an error saying why it cannot be widened:
    /// every node on the way must be channel-wise and read by exactly one node, and the last one read
    /// by an ungrouped convolution or a linear layer.
    static func path(from id: Int, in spec: NetworkSpec) throws -> Path {
        guard case .conv(_, _, _, _, _, 1, _) = spec.nodes[id].op else {
            throw ModelError("node \(id) (\(spec.nodes[id].name)) is not an ungrouped convolution")
        }
        var between: [Int] = [], current = id
        while true {
            let readers = spec.nodes.filter { $0.inputs.contains(current) }
            guard current != spec.output, readers.count == 1, readers[0].inputs.count == 1 else {
                throw ModelError("the output of \(spec.nodes[current].name) is not read by exactly one layer")
            }
            let reader = readers[0]
            switch reader.op {
            case .conv(_, _, _, _, _, 1, _), .linear: return Path(between: between, reader: reader.id)
            case .batchNorm, .relu, .relu6, .hswish, .sigmoid, .swish, .maxPool, .avgPool, .globalAvgPool,
                 .dropout, .identity:
                between.append(reader.id)
                current = reader.id
            default:
                throw ModelError("\(reader.name) (\(reader.op.summary)) is not a channel-wise layer")
            }
        }
    }

    /// The widened model: a new spec and new parameters; `model` is left as it was.
    func apply(to model: Model, rng: inout SeededRandom) throws -> Model {
        let spec = model.spec
        let path = try Widening.path(from: node, in: spec)
        guard case let .conv(out, k, s, p, d, g, bias) = spec.nodes[node].op, width > out else {
            throw ModelError("widening \(spec.nodes[node].name) needs more than its present channels, got \(width)")
        }
        let source = (0..<width).map { $0 < out ? $0 : rng.nextInt(below: out) }
        var copies = [Int](repeating: 0, count: out)
        for c in source { copies[c] += 1 }
        var replacing: [Int: LayerParameters] = [:]
        replacing[node] = Widening.replicated(model.layers[node]!, source)
        for id in path.between { if let bn = model.layers[id] { replacing[id] = Widening.replicated(bn, source) } }
        let plane = spec.nodes[path.between.last ?? node].outputShape
        replacing[path.reader] = try reader(model.layers[path.reader]!, source, copies, plane: plane, rng: &rng)
        var surgery = SpecSurgery()
        surgery.replaced[node] = .conv(outChannels: width, kernel: k, stride: s, padding: p, dilation: d, groups: g, bias: bias)
        let rebuilt = try surgery.apply(to: spec)
        return Model(spec: rebuilt.spec, layers: SpecSurgery.carried(model, ids: rebuilt.ids, replacing: replacing))
    }

    /// A convolution's or batch norm's parameters with output channel `j` copied from `source[j]`.
    static func replicated(_ layer: LayerParameters, _ source: [Int]) -> LayerParameters {
        func rows(_ t: Tensor) -> Tensor {
            let size = t.count / t.shape[0], values = t.values
            var result: [Float] = []
            result.reserveCapacity(source.count * size)
            for c in source { result += values[c * size ..< (c + 1) * size] }
            return Tensor(shape: [source.count] + t.shape.dropFirst(), values: result, requiresGrad: t.requiresGrad,
                          name: t.name)
        }
        switch layer {
        case .conv(let w, let b): return .conv(weight: rows(w), bias: b.map(rows))
        case .batchNorm(let s, let t, let m, let v):
            return .batchNorm(scale: rows(s), shift: rows(t), runningMean: rows(m), runningVar: rows(v))
        case .linear(let w, let b): return .linear(weight: rows(w), bias: b.map(rows))
        }
    }

    /// The reading layer's parameters: input channel `j` weighted like `source[j]`, divided by its
    /// number of copies, plus the zero-sum noise. A linear layer reads each channel as `plane`'s
    /// height × width features.
    private func reader(_ layer: LayerParameters, _ source: [Int], _ copies: [Int], plane: TensorShape,
                        rng: inout SeededRandom) throws -> LayerParameters {
        switch layer {
        case .conv(let w, let b):
            let block = w.shape[2] * w.shape[3]
            let shape = [w.shape[0], source.count, w.shape[2], w.shape[3]]
            return .conv(weight: spread(w, columns: w.shape[1], block: block, source, copies, shape: shape, rng: &rng),
                         bias: b?.copied())
        case .linear(let w, let b):
            let block = plane.height * plane.width
            let shape = [w.shape[0], source.count * block]
            return .linear(weight: spread(w, columns: w.shape[1] / block, block: block, source, copies, shape: shape, rng: &rng),
                           bias: b?.copied())
        case .batchNorm:
            throw ModelError("a batch norm does not read channels with weights")
        }
    }

    /// `w` viewed as `[rows, columns × block]`, widened to `source.count` column blocks, as a
    /// tensor of `shape`.
    private func spread(_ w: Tensor, columns: Int, block: Int, _ source: [Int], _ copies: [Int], shape: [Int],
                        rng: inout SeededRandom) -> Tensor {
        let rows = w.shape[0], values = w.values, width = source.count
        var result = [Float](repeating: 0, count: rows * width * block)
        for r in 0..<rows {
            for j in 0..<width {
                let from = (r * columns + source[j]) * block, to = (r * width + j) * block
                for i in 0..<block { result[to + i] = values[from + i] / Float(copies[source[j]]) }
            }
        }
        if noise > 0 { addZeroSumNoise(&result, rows: rows, block: block, source, copies, scale: rms(values), rng: &rng) }
        return Tensor(shape: shape, values: result, requiresGrad: w.requiresGrad, name: w.name)
    }

    /// Adds Gaussian noise to the copies of each replicated channel, centred over the copies so
    /// that their sum (what the next layer computes) stays the same.
    private func addZeroSumNoise(_ w: inout [Float], rows: Int, block: Int, _ source: [Int], _ copies: [Int],
                                 scale: Double, rng: inout SeededRandom) {
        let width = source.count
        let groups = Dictionary(grouping: 0..<width, by: { source[$0] }).filter { copies[$0.key] > 1 }
        for c in groups.keys.sorted() {
            let members = groups[c]!
            for r in 0..<rows {
                for i in 0..<block {
                    let draws = members.map { _ in rng.nextGaussian() * noise * scale }
                    let mean = draws.reduce(0, +) / Double(draws.count)
                    for (j, e) in zip(members, draws) { w[(r * width + j) * block + i] += Float(e - mean) }
                }
            }
        }
    }

    /// The root mean square of some values.
    private func rms(_ values: [Float]) -> Double {
        (values.reduce(0) { $0 + Double($1) * Double($1) } / Double(max(values.count, 1))).squareRoot()
    }
}
