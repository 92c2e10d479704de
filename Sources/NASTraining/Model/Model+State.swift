import NASTensor

extension Model {
    /// Every tensor that makes up the model's state, in node order: trainable parameters and batch
    /// norm's running statistics.
    public var stateTensors: [Tensor] {
        spec.nodes.compactMap { layers[$0.id] }.flatMap { layer -> [Tensor] in
            switch layer {
            case .batchNorm(let s, let t, let m, let v): return [s, t, m, v]
            default: return layer.trainable
            }
        }
    }

    /// Batch norm's running statistics of the nodes `include` accepts (every node by default).
    func runningStatistics(include: (Int) -> Bool = { _ in true }) -> [(mean: Tensor, variance: Tensor)] {
        spec.nodes.compactMap { node in
            guard include(node.id), case .batchNorm(_, _, let m, let v)? = layers[node.id] else { return nil }
            return (m, v)
        }
    }

    /// The whole state as one vector (`stateTensors`' values, in order).
    public func stateValues() -> [Float] { stateTensors.flatMap(\.values) }

    /// Restores a state written by `stateValues()` of a model of the same spec.
    public func restoreState(_ values: [Float]) throws {
        let tensors = stateTensors
        let expected = tensors.reduce(0) { $0 + $1.count }
        guard values.count == expected else {
            throw ModelError("the saved state has \(values.count) values, this network \(expected)")
        }
        var offset = 0
        for t in tensors {
            values.withUnsafeBufferPointer { t.data.update(from: $0.baseAddress! + offset, count: t.count) }
            offset += t.count
        }
    }
}
