import NASCore

/// The cost model of a network spec: parameters, MACs, FLOPs, peak activation memory, per-layer table.
public struct NetworkCost: Sendable, Hashable, Codable {
    /// Learnable parameters.
    public var params: Int
    /// Multiply-accumulates for one sample (convolutions and fully connected layers).
    public var macs: Int
    /// Peak memory of live activations for one sample in bytes (32-bit floats), input included.
    public var peakActivationBytes: Int
    /// The cost of every node, in node order.
    public var layers: [LayerCost]

    /// Floating-point operations, counted as 2 per multiply-accumulate.
    public var flops: Int { 2 * macs }

    /// Computes the cost of a spec.
    public init(_ spec: NetworkSpec) {
        layers = spec.nodes.map { node in
            LayerCost.of(node, input: node.inputs.first.map { spec.shape(of: $0) } ?? spec.input)
        }
        params = layers.reduce(0) { $0 + $1.params }
        macs = layers.reduce(0) { $0 + $1.macs }
        peakActivationBytes = NetworkCost.peakLiveElements(spec) * 4
    }

    /// The largest sum of live activations while the nodes run in order: a node's output lives
    /// from when it is computed until its last reader has run (the network output until the end).
    static func peakLiveElements(_ spec: NetworkSpec) -> Int {
        var lastUse = [Int](repeating: -1, count: spec.nodes.count)
        var inputLastUse = 0
        for node in spec.nodes {
            for i in node.inputs {
                if i < 0 { inputLastUse = node.id } else { lastUse[i] = node.id }
            }
        }
        if spec.output >= 0 { lastUse[spec.output] = spec.nodes.count }
        var live = spec.input.elementCount
        var peak = live
        var releases = [[Int]](repeating: [], count: spec.nodes.count + 1)
        for (i, use) in lastUse.enumerated() where use >= 0 { releases[use].append(i) }
        for node in spec.nodes {
            live += node.outputShape.elementCount
            peak = max(peak, live)
            if node.id == inputLastUse { live -= spec.input.elementCount }
            for i in releases[node.id] { live -= spec.nodes[i].outputShape.elementCount }
            if lastUse[node.id] < 0 { live -= node.outputShape.elementCount }
        }
        return peak
    }

    /// Columns of `layerTable`.
    public static let tableColumns = ["layer", "op", "output", "params", "macs"]

    /// One row per node: name, op, output shape, parameters, MACs.
    public func layerTable(_ spec: NetworkSpec) -> Table {
        let rows: [[Cell]] = zip(spec.nodes, layers).map { node, cost in
            [.string(node.name), .string(node.op.summary), .string(node.outputShape.description),
             .number(Quantity(Double(cost.params), hint: .count)), .number(Quantity(Double(cost.macs), hint: .count))]
        }
        return Table(columns: NetworkCost.tableColumns, rows: rows)
    }
}

extension NetworkSpec {
    /// The output shape of node `id` (or the input for `-1`).
    public func shape(of id: Int) -> TensorShape { id < 0 ? input : nodes[id].outputShape }

    /// The spec's cost (parameters, MACs, FLOPs, peak activation memory).
    public var cost: NetworkCost { NetworkCost(self) }
}
