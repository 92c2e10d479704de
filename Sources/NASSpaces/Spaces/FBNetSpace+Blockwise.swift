/// FBNet's 22 layers as block positions, each offering the nine blocks.
extension FBNetSpace: BlockwiseSpace {
    public var blockCount: Int { 22 }
    public func blockOptions(at position: Int) -> [String] { FBNetSpace.blocks }
    public func blockScope(_ position: Int) -> String { Self.stageScope(position, stageLengths: FBNetSpace.stages.map(\.layers)) }
}
