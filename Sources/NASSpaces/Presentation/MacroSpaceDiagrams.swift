/// Terminal diagrams of the macro spaces: one line per unit, block or stage.
extension OFASpace {
    /// The resolution, then one line per unit with its layers.
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        var lines = ["ofa (MobileNetV3) at \(resolution(architecture))×\(resolution(architecture))",
                     "  stem   conv3x3/2 → 16, mbconv e1 k3 → 16"]
        for u in 0..<5 {
            let layers = unitLayers(architecture, unit: u).map { "k\($0.kernel)e\($0.expansion)" }.joined(separator: " ")
            let se = OFASpace.usesSE[u] ? ", SE" : ""
            lines.append("  unit\(u + 1)  → \(OFASpace.widths[u]) ch, stride \(OFASpace.strides[u]), \(OFASpace.activations[u].rawValue)\(se): \(layers)")
        }
        lines.append("  head   conv1x1 → 960, pool, conv1x1 → 1280, linear")
        return lines.joined(separator: "\n")
    }
}

extension SegmentSpace {
    /// The activation, then one line per block.
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let t = architecture.tokens
        var lines = ["\(name) (\(skeleton.name) skeleton), activation \(SegmentSpace.activations[t[0]].rawValue)",
                     "  stem    conv\(skeleton.stemKernel)x\(skeleton.stemKernel)/\(skeleton.stemStride) → \(skeleton.stemChannels)" + (skeleton.stemPool ? ", maxpool3x3/2" : "")]
        for (i, block) in skeleton.blocks.enumerated() {
            lines.append("  block\(i + 1)  stride \(block.stride): " + blockText(t[(1 + 7 * i)..<(8 + 7 * i)], block: i))
        }
        lines.append("  head    " + (skeleton.headChannels.map { "conv1x1 → \($0), " } ?? "") + "pool, linear")
        return lines.joined(separator: "\n")
    }
}

extension FBNetSpace {
    /// One line per stage with its layers' blocks.
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        var lines = [width == 1 ? "fbnet" : "fbnet at width \(FBNetSpace.widthText(width))",
                     "  stem    conv3x3/2 → \(stemChannels)"]
        var layer = 0
        for (s, stage) in FBNetSpace.stages.enumerated() {
            let blocks = (layer..<(layer + stage.layers)).map { FBNetSpace.blocks[architecture.token(at: $0)] }
            lines.append("  stage\(s + 1)  → \(stageChannels[s]) ch, stride \(stage.stride): " + blocks.joined(separator: " "))
            layer += stage.layers
        }
        lines.append("  head    conv1x1 → \(headChannels), pool, linear")
        return lines.joined(separator: "\n")
    }
}

extension HierarchicalSpace {
    /// One line per motif with its edges.
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let level2 = ["none"] + HierarchicalSpace.primitives
        let level3 = ["none"] + (1...motifs).map { "m\($0)" }
        func edges(_ e: [Int], _ names: [String], nodes: Int) -> String {
            var parts: [String] = []
            var k = 0
            for j in 1..<nodes {
                for i in 0..<j {
                    if e[k] != 0 { parts.append("\(i)→\(j):\(names[e[k]])") }
                    k += 1
                }
            }
            return parts.joined(separator: " ")
        }
        var lines = ["hierarchical: 3 cells of the top motif (C=\(channels), \(2 * channels), \(4 * channels))"]
        lines.append("  top  " + edges(motifEdges(architecture.tokens, motif: nil), level3, nodes: 5))
        for m in 0..<motifs { lines.append("  m\(m + 1)   " + edges(motifEdges(architecture.tokens, motif: m), level2, nodes: 4)) }
        return lines.joined(separator: "\n")
    }
}
