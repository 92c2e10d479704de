import NASSpaces

/// Rebuilds a network spec with some ops replaced and new layers inserted after given nodes,
/// renumbering the nodes and inferring every shape again.
///
/// The readers of a node that gets layers inserted after it read the last inserted layer
/// instead (the network's output too, when it was that node).
struct SpecSurgery {
    /// One layer to insert: its op, its name, and what it reads (`SpecSurgery.anchor`: the node it
    /// is inserted after; `k ≥ 0`: the `k`-th layer inserted there).
    struct Insertion {
        let op: LayerOp
        let name: String
        let inputs: [Int]
    }

    /// The node that layers are inserted after, in an `Insertion`'s inputs.
    static let anchor = -1

    /// Ops to replace, by node id.
    var replaced: [Int: LayerOp] = [:]
    /// Layers to insert after a node, by its id.
    var inserted: [Int: [Insertion]] = [:]

    /// The rebuilt spec, the new id of every old node, and the new ids of the inserted layers by
    /// the node they follow.
    func apply(to spec: NetworkSpec) throws -> (spec: NetworkSpec, ids: [Int], added: [Int: [Int]]) {
        var builder = try NetworkBuilder(input: spec.input)
        var ids = [Int](repeating: 0, count: spec.nodes.count)
        var value = ids  // old id → the new node its readers read
        var added: [Int: [Int]] = [:]
        func read(_ id: Int) -> Int { id < 0 ? id : value[id] }
        for node in spec.nodes {
            let id = try builder.add(replaced[node.id] ?? node.op, node.inputs.map(read), name: node.name)
            ids[node.id] = id
            value[node.id] = id
            guard let layers = inserted[node.id], !layers.isEmpty else { continue }
            var new: [Int] = []
            for layer in layers {
                let inputs = layer.inputs.map { $0 == Self.anchor ? id : new[$0] }
                new.append(try builder.add(layer.op, inputs, name: layer.name))
            }
            added[node.id] = new
            value[node.id] = new[new.count - 1]
        }
        return (builder.build(output: read(spec.output)), ids, added)
    }

    /// The parameters of the rebuilt spec's old nodes: copies of `model`'s, moved to their new
    /// ids, except those `replacing` gives (by old id).
    static func carried(_ model: Model, ids: [Int], replacing: [Int: LayerParameters] = [:]) -> [Int: LayerParameters] {
        var layers: [Int: LayerParameters] = [:]
        for (old, p) in model.layers { layers[ids[old]] = replacing[old] ?? p.copied() }
        return layers
    }

    /// `model`'s spec with three layers inserted after ReLU `node`: a 3×3 convolution that keeps
    /// the channels (no bias), a batch norm reading it, and `last` reading `lastInputs` (`anchor`,
    /// 0 and 1 as in `Insertion`). Returns the rebuilt spec, the carried parameters of the old
    /// nodes, the three new ids and the name prefix of the new layers.
    static func insertingConvBN(after node: Int, in model: Model, then last: LayerOp, named lastName: String,
                                reading lastInputs: [Int]) throws
        -> (spec: NetworkSpec, layers: [Int: LayerParameters], added: [Int], tag: String) {
        try Deepening.requireReLU(node, in: model.spec)
        let channels = model.spec.nodes[node].outputShape.channels
        let tag = tag(for: model.spec)
        var surgery = SpecSurgery()
        surgery.inserted[node] = [
            .init(op: .conv(outChannels: channels, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false),
                  name: "\(tag).conv", inputs: [anchor]),
            .init(op: .batchNorm, name: "\(tag).bn", inputs: [0]),
            .init(op: last, name: "\(tag).\(lastName)", inputs: lastInputs),
        ]
        let rebuilt = try surgery.apply(to: model.spec)
        return (rebuilt.spec, carried(model, ids: rebuilt.ids), rebuilt.added[node]!, tag)
    }

    /// A fresh name prefix for inserted layers (`m12`), unique in `spec` as it grows.
    static func tag(for spec: NetworkSpec) -> String { "m\(spec.nodes.count)" }
}
