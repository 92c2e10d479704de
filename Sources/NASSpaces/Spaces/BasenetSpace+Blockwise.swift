/// The basenet positions as block positions, each offering the space's block types.
extension BasenetSpace: BlockwiseSpace {
    public var blockCount: Int { groups.count }
    public func blockOptions(at position: Int) -> [String] { blocks }
    public func blockChoices(of architecture: Architecture) -> [Int] { architecture.tokens }

    public func architecture(blockChoices: [Int]) throws -> Architecture {
        let a = Architecture(space: name, tokens: blockChoices)
        try validate(a)
        return a
    }

    public func blockScope(_ position: Int) -> String {
        var first = 0
        for (s, stage) in stages.enumerated() {
            if position < first + stage.positions { return "stage\(s + 1).layer\(position + 1)" }
            first += stage.positions
        }
        return "layer\(position + 1)"
    }
}
