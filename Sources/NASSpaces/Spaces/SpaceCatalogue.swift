import NASCore

/// The search spaces users name, with their options and published defaults, and the published members of spaces.
///
/// The one place that maps a user's words (`nb201(channels: 16)`, `mobilenetv2`, `darts_v2`) onto
/// space types, so the language's builtins stay thin; `make(name)` builds each named space with its
/// defaults, for help pages and for the tests that run over every space.
public enum SpaceCatalogue {
    /// The names `make` accepts.
    public static let names = ["nb201", "chain", "chain_chosen", "chain_resnet", "chain_densenet", "segment", "segment_resnet",
                               "cell", "hierarchical", "ofa", "fbnet", "basenet"]

    /// The space with its published defaults.
    public static func make(_ name: String) throws -> any SearchSpace {
        switch name.lowercased() {
        case "nb201": return try nb201()
        case "chain": return try ComposedSpace.chain()
        case "chain_chosen": return try ComposedSpace.chain(skips: .chosen)
        case "chain_resnet": return try ComposedSpace.chain(skips: .resnet, merge: .add)
        case "chain_densenet": return try ComposedSpace.chain(skips: .densenet, merge: .concat)
        case "segment": return try segment()
        case "segment_resnet": return try segment(skeleton: "resnet")
        case "cell": return try cell()
        case "hierarchical": return try hierarchical()
        case "ofa": return try ofa()
        case "fbnet": return try fbnet()
        case "basenet": return try basenet()
        default: throw SpaceError("there is no space '\(name)'\(Spelling.didYouMean(name, among: names)) (the spaces are \(names.joined(separator: ", ")))")
        }
    }

    /// The NAS-Bench-201 cell space with a given skeleton width and depth.
    public static func nb201(channels: Int = 16, cells: Int = 5) throws -> NB201Space {
        guard channels >= 1 else { throw SpaceError("channels must be at least 1, got \(channels)") }
        guard cells >= 1 else { throw SpaceError("cells (per stage) must be at least 1, got \(cells)") }
        return NB201Space(channels: channels, cellsPerStage: cells)
    }

    /// The skeletons `segment` accepts.
    public static let segmentSkeletons = ["mnasnet", "resnet"]

    /// MnasNet's factorized hierarchical space over a named skeleton (`mnasnet` or `resnet`); with a
    /// frame (a named member such as `mnasnet_a1`, or an architecture's text), only that frame's
    /// supernet slice (`SegmentSpace.sliced(frame:)`).
    public static func segment(skeleton: String = "mnasnet", frame: String? = nil) throws -> SegmentSpace {
        let space: SegmentSpace
        switch skeleton.lowercased() {
        case "mnasnet", "mobilenetv2": space = SegmentSpace(skeleton: .mnasnet)
        case "resnet": space = SegmentSpace(skeleton: .resnet)
        default:
            throw SpaceError("there is no segment skeleton '\(skeleton)'\(Spelling.didYouMean(skeleton, among: segmentSkeletons)) "
                + "(the skeletons are \(segmentSkeletons.joined(separator: ", ")))")
        }
        guard let frame else { return space }
        let named = space.namedMembers[frame.lowercased()] != nil
        return try space.sliced(frame: named ? try space.member(frame) : try space.parse(frame))
    }

    /// A NASNet/DARTS cell space; nil operations means DARTS's seven.
    public static func cell(operations: [String]? = nil, nodes: Int = 4, channels: Int = 36, layers: Int = 20) throws -> CellSpace {
        try CellSpace(operations: operations ?? CellSpace.dartsOperations, nodes: nodes, channels: channels, layers: layers)
    }

    /// The once-for-all MobileNetV3 space; resolutions from `low` to `high` in steps of `step`.
    public static func ofa(low: Int = 128, high: Int = 224, step: Int = 4) throws -> OFASpace {
        guard low >= 32, high >= low, step >= 1 else {
            throw SpaceError("resolutions must run from at least 32 up to a larger or equal value in steps of 1 or more")
        }
        return OFASpace(resolutions: Array(stride(from: low, through: high, by: step)))
    }

    /// The FBNet space: at width 1 the space of the shipped latency table, else its channels scaled.
    public static func fbnet(width: Double = 1) throws -> FBNetSpace {
        guard width > 0, width <= 4 else { throw SpaceError("width must be above 0 and at most 4, got \(FBNetSpace.widthText(width))") }
        return FBNetSpace(width: width)
    }

    /// The basenet pool of search-space profiling (Zeng et al.): VGG, ResNet and MobileNet blocks per
    /// position; `positions` per stage (channels 16, 32, 64).
    public static func basenet(blocks: [String] = BasenetSpace.allBlocks, positions: Int = 2) throws -> BasenetSpace {
        guard positions >= 1 else { throw SpaceError("positions (per stage) must be at least 1, got \(positions)") }
        return try BasenetSpace(blocks: blocks, stages: [16, 32, 64].map { ($0, positions) })
    }

    /// The published architectures that are members of a space, by name.
    public static let namedMembers: [String: (space: String, text: String)] = [
        "mobilenetv2": ("segment", SegmentSpace.mobileNetV2),
        "mnasnet_a1": ("segment", SegmentSpace.mnasnetA1),
        "resnet18": ("segment_resnet", SegmentSpace.resnet18),
        "darts_v2": ("cell", CellSpace.dartsV2),
    ]

    /// A published architecture (`mobilenetv2`, `mnasnet_a1`, `resnet18`, `darts_v2`) with its space.
    public static func member(_ name: String) throws -> (space: any SearchSpace, architecture: Architecture) {
        guard let entry = namedMembers[name.lowercased()] else {
            let names = namedMembers.keys.sorted()
            throw SpaceError("there is no published member '\(name)'\(Spelling.didYouMean(name, among: names)) "
                + "(the members are \(names.joined(separator: ", ")))")
        }
        let space: any SearchSpace
        switch entry.space {
        case "segment": space = SegmentSpace(skeleton: .mnasnet)
        case "segment_resnet": space = SegmentSpace(skeleton: .resnet)
        default: space = CellSpace()
        }
        return (space, try space.parse(entry.text))
    }

    /// Reads an architecture of `space` from its text form, saying which part is wrong.
    public static func parse(_ text: String, in space: any SearchSpace) throws -> Architecture {
        let architecture = try space.parse(text)
        try space.validate(architecture)
        return architecture
    }

    /// A shape from a list of 3 whole numbers (channels, height, width).
    public static func shape(_ values: [Int]) throws -> TensorShape {
        guard values.count == 3, values.allSatisfy({ $0 >= 1 }) else {
            throw SpaceError("an input shape is [channels, height, width] with 3 positive whole numbers, got \(values)")
        }
        return TensorShape(channels: values[0], height: values[1], width: values[2])
    }
}
