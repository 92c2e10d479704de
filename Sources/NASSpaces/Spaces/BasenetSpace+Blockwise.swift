/// The basenet positions as block positions, each offering the space's block types.
extension BasenetSpace: BlockwiseSpace {
    public var blockCount: Int { groups.count }
    public func blockOptions(at position: Int) -> [String] { blocks }
    public func blockScope(_ position: Int) -> String { Self.stageScope(position, stageLengths: stages.map(\.positions)) }
}
