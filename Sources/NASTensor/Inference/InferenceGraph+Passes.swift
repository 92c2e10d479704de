/// The rewrites `InferenceGraph.compile` applies before it lowers the graph to kernels.
extension InferenceGraph {
    /// The graph reduced to what `output` needs, with repeated ops merged, batch norms folded
    /// into the convolutions and inner products before them and activations fused into the
    /// kernels before them. Removed nodes are `nil`; the returned output id may differ from
    /// `output` when its node merged with an earlier one.
    func optimized(output: Int) -> (nodes: [Node?], output: Int) {
        var graph: [Node?] = nodes
        let out = Self.mergeRepeats(&graph, output: output)
        Self.dropUnused(&graph, output: out)
        Self.foldBatchNorms(&graph, output: out)
        Self.fuseActivations(&graph, output: out)
        return (graph, out)
    }

    /// How many live nodes read each node (the output counts as one more reader).
    static func readers(_ graph: [Node?], output: Int) -> [Int] {
        var uses = [Int](repeating: 0, count: graph.count)
        for node in graph.compactMap({ $0 }) { for i in node.inputs { uses[i] += 1 } }
        uses[output] += 1
        return uses
    }

    /// Parameter-free ops (activations, pooling) applied to the same value twice are computed
    /// once: NAS cells often apply `ReLU` to one node on several edges.
    private static func mergeRepeats(_ graph: inout [Node?], output: Int) -> Int {
        var seen: [String: Int] = [:]
        var target = Array(graph.indices)
        for id in graph.indices {
            guard var node = graph[id] else { continue }
            node.inputs = node.inputs.map { target[$0] }
            graph[id] = node
            let key: String
            switch node.op {
            case .activation(let act): key = "act \(act) \(node.inputs)"
            case .pool(let kind, let kh, let kw, let s, let p): key = "pool \(kind) \(kh) \(kw) \(s) \(p) \(node.inputs)"
            default: continue
            }
            if let earlier = seen[key] {
                target[id] = earlier
                graph[id] = nil
            } else {
                seen[key] = id
            }
        }
        return target[output]
    }

    /// Removes the nodes the output does not depend on.
    private static func dropUnused(_ graph: inout [Node?], output: Int) {
        var needed = [Bool](repeating: false, count: graph.count)
        needed[output] = true
        needed[0] = true
        for id in graph.indices.reversed() where needed[id] {
            for i in graph[id]?.inputs ?? [] { needed[i] = true }
        }
        for id in graph.indices where !needed[id] { graph[id] = nil }
    }

    /// `conv → batchNorm` and `linear → batchNorm`, where the batch norm alone reads the kernel's
    /// output, become one kernel: with `s = γ / √(σ² + ε)` per output channel, `W' = s·W` and
    /// `b' = s·(b − μ) + β`.
    private static func foldBatchNorms(_ graph: inout [Node?], output: Int) {
        let uses = readers(graph, output: output)
        for id in graph.indices {
            guard let node = graph[id], case .batchNorm(let scale, let shift, let mean, let variance, let eps) = node.op,
                  let p = node.inputs.first, p != 0, uses[p] == 1, let producer = graph[p], producer.activation == nil
            else { continue }
            let fold = { (weight: [Float], bias: [Float]?) -> ([Float], [Float]) in
                let out = scale.count, perOut = weight.count / out
                var w = weight, b = [Float](repeating: 0, count: out)
                for o in 0..<out {
                    let s = scale[o] / (variance[o] + eps).squareRoot()
                    for i in 0..<perOut { w[o * perOut + i] *= s }
                    b[o] = s * ((bias?[o] ?? 0) - mean[o]) + shift[o]
                }
                return (w, b)
            }
            switch producer.op {
            case .conv(let weight, let shape, let bias, let stride, let padding, let dilation, let groups):
                let (w, b) = fold(weight, bias)
                graph[id]!.op = .conv(weight: w, weightShape: shape, bias: b, stride: stride, padding: padding,
                                      dilation: dilation, groups: groups)
            case .linear(let weight, let bias):
                let (w, b) = fold(weight, bias)
                graph[id]!.op = .linear(weight: w, bias: b)
            default: continue
            }
            graph[id]!.inputs = producer.inputs
            graph[p] = nil
        }
    }

    /// An activation that alone reads a convolution, inner product or batch norm runs inside
    /// that kernel (a oneDNN post-op); one that alone reads a sum runs inside the sum's last
    /// kernel when it can (see `PlanLowering`).
    private static func fuseActivations(_ graph: inout [Node?], output: Int) {
        let uses = readers(graph, output: output)
        for id in graph.indices {
            guard let node = graph[id], case .activation(let act) = node.op, let p = node.inputs.first, p != 0,
                  uses[p] == 1, var producer = graph[p], producer.activation == nil else { continue }
            switch producer.op {
            case .conv, .linear, .batchNorm, .add:
                producer.activation = act
                graph[id] = producer
                graph[p] = nil
            default: continue
            }
        }
    }
}
