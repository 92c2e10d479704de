import NASSpaces

/// Finds nodes that repeat an earlier node's computation (the same deterministic,
/// parameter-free op on the same inputs) so that a forward pass computes it once.
///
/// NAS-Bench-201's cells, for one, start two ReLU-Conv-BN edges from each of their first nodes:
/// sharing the ReLU saves one activation per pair, in time and in the memory kept for backward,
/// and back-propagates the same gradient (the two paths' gradients add up in the shared node).
enum SharedComputations {
    /// An op and the nodes it reads (identities followed to their source).
    private struct Key: Hashable {
        let op: LayerOp
        let inputs: [Int]
    }

    /// `spec` with every repeated computation replaced by an identity of its first occurrence.
    static func rewrite(_ spec: NetworkSpec) -> NetworkSpec {
        var rewritten = spec
        var first: [Key: Int] = [:]
        var source = [Int](0..<spec.nodes.count)  // node id → the node whose value it is
        func resolve(_ id: Int) -> Int { id < 0 ? id : source[id] }
        for (index, node) in spec.nodes.enumerated() {
            if node.op == .identity, node.inputs.count == 1 {
                source[index] = resolve(node.inputs[0])
                continue
            }
            guard isShareable(node.op) else { continue }
            let key = Key(op: node.op, inputs: node.inputs.map(resolve))
            if let earlier = first[key] {
                rewritten.nodes[index].op = .identity
                rewritten.nodes[index].inputs = [earlier]
                source[index] = earlier
            } else {
                first[key] = index
            }
        }
        return rewritten
    }

    /// Activations and poolings: functions of their input alone.
    static func isShareable(_ op: LayerOp) -> Bool {
        switch op {
        case .relu, .relu6, .hswish, .sigmoid, .swish, .maxPool, .avgPool, .globalAvgPool: return true
        default: return false
        }
    }
}
