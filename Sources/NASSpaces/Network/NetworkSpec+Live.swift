/// Which nodes of a network its output depends on.
extension NetworkSpec {
    /// Per node, whether the output depends on it (a node is live when the output node reads it,
    /// directly or through other nodes). Inference plans drop the other nodes, and a supernet's
    /// forward pass skips them; cost features count only the live ones.
    public var liveNodes: [Bool] {
        var live = [Bool](repeating: false, count: nodes.count)
        var stack = [output]
        while let id = stack.popLast() {
            guard id >= 0, !live[id] else { continue }
            live[id] = true
            stack.append(contentsOf: nodes[id].inputs)
        }
        return live
    }
}
