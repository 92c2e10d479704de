/// FBNet's 22 layers as block positions, each offering the nine blocks.
extension FBNetSpace: BlockwiseSpace {
    public var blockCount: Int { 22 }
    public func blockOptions(at position: Int) -> [String] { FBNetSpace.blocks }
    public func blockChoices(of architecture: Architecture) -> [Int] { architecture.tokens }

    public func architecture(blockChoices: [Int]) throws -> Architecture {
        let a = Architecture(space: name, tokens: blockChoices)
        try validate(a)
        return a
    }

    public func blockScope(_ position: Int) -> String {
        var layer = 0
        for (s, stage) in FBNetSpace.stages.enumerated() {
            if position < layer + stage.layers { return "stage\(s + 1).layer\(position + 1)" }
            layer += stage.layers
        }
        return "layer\(position + 1)"
    }
}
