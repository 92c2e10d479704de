/// The named spaces with their default settings, for the language's constructors and help.
public enum SpaceCatalogue {
    /// The names `make` accepts.
    public static let names = ["nb201", "chain", "chain_chosen", "chain_resnet", "chain_densenet", "segment", "segment_resnet",
                               "cell", "hierarchical", "ofa", "fbnet"]

    /// The space with its published defaults.
    public static func make(_ name: String) throws -> any SearchSpace {
        switch name.lowercased() {
        case "nb201": return NB201Space()
        case "chain": return try ComposedSpace.chain()
        case "chain_chosen": return try ComposedSpace.chain(skips: .chosen)
        case "chain_resnet": return try ComposedSpace.chain(skips: .resnet, merge: .add)
        case "chain_densenet": return try ComposedSpace.chain(skips: .densenet, merge: .concat)
        case "segment": return SegmentSpace()
        case "segment_resnet": return SegmentSpace(skeleton: .resnet)
        case "cell": return CellSpace()
        case "hierarchical": return HierarchicalSpace()
        case "ofa": return OFASpace()
        case "fbnet": return FBNetSpace()
        default: throw SpaceError("there is no space '\(name)'; the spaces are \(names.joined(separator: ", "))")
        }
    }
}
