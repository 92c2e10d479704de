import NASCore
import NASSpaces

/// Builds the search spaces the front ends name, with their options, and finds named members.
///
/// The one place that maps a user's words (`nb201(channels: 16)`, `mobilenetv2`, `darts_v2`)
/// onto `NASSpaces` types, so the language's builtins stay thin.
public enum SpaceCatalog {
    /// The NAS-Bench-201 cell space with a given skeleton width and depth.
    public static func nb201(channels: Int = 16, cells: Int = 5) throws -> NB201Space {
        guard channels >= 1 else { throw SpaceError("channels must be at least 1, got \(channels)") }
        guard cells >= 1 else { throw SpaceError("cells (per stage) must be at least 1, got \(cells)") }
        return NB201Space(channels: channels, cellsPerStage: cells)
    }

    /// The skeletons `segment` accepts.
    public static let segmentSkeletons = ["mnasnet", "resnet"]

    /// MnasNet's factorized hierarchical space over a named skeleton (`mnasnet` or `resnet`).
    public static func segment(skeleton: String = "mnasnet") throws -> SegmentSpace {
        switch skeleton.lowercased() {
        case "mnasnet", "mobilenetv2": return SegmentSpace(skeleton: .mnasnet)
        case "resnet": return SegmentSpace(skeleton: .resnet)
        default:
            throw SpaceError("there is no segment skeleton '\(skeleton)'\(Spelling.didYouMean(skeleton, among: segmentSkeletons)) "
                + "(the skeletons are \(segmentSkeletons.joined(separator: ", ")))")
        }
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

    /// The FBNet space of the shipped latency table.
    public static func fbnet() -> FBNetSpace { FBNetSpace() }

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

extension SpaceCatalog {
    /// The skip patterns `chain` accepts, by the names the language uses.
    public static let skipPatterns = ["none", "chosen", "resnet", "densenet"]

    /// A MetaQNN-style chain with optional skips (`none`, `chosen`, `resnet`, `densenet`).
    public static func chain(depth: ClosedRange<Int>, operations: [String]?, widths: [Int], strides: [Int],
                             skips: String, merge: String?) throws -> ComposedSpace {
        let pattern = try inputPattern(skips)
        let mergeMode = try merge.map(inputMerge) ?? (pattern == .resnet ? .add : .concat)
        return try ComposedSpace.chain(depth: depth, operations: operations ?? ComposedSpace.chainOperations,
                                       widths: widths, strides: strides, skips: pattern, merge: mergeMode)
    }

    /// Liu et al.'s hierarchical space with `motifs` level-2 motifs.
    public static func hierarchical(motifs: Int = 6, channels: Int = 16) throws -> HierarchicalSpace {
        guard (1...32).contains(motifs) else { throw SpaceError("motifs must be between 1 and 32, got \(motifs)") }
        guard channels >= 1 else { throw SpaceError("channels must be at least 1, got \(channels)") }
        return HierarchicalSpace(motifs: motifs, channels: channels)
    }

    /// A user's space composed from primitives.
    public static func compose(name: String, spec: SpaceSpec, input: TensorShape?, classes: Int?, help: String) throws -> ComposedSpace {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw SpaceError("a space name is letters, digits and '_', got '\(name)'")
        }
        return try ComposedSpace(name: name, spec: spec, help: help, paper: "",
                                 defaultInput: input ?? TensorShape(channels: 3, height: 32, width: 32), defaultClasses: classes ?? 10)
    }

    /// The input pattern a skip name stands for.
    public static func inputPattern(_ name: String) throws -> InputPattern {
        if name.lowercased() == "none" { return .previous }
        guard let pattern = InputPattern(rawValue: name.lowercased()) else {
            throw SpaceError("there is no skip pattern '\(name)'\(Spelling.didYouMean(name, among: skipPatterns)) "
                + "(the patterns are \(skipPatterns.joined(separator: ", ")))")
        }
        return pattern
    }

    /// The merge mode a name stands for (`add` or `concat`).
    public static func inputMerge(_ name: String) throws -> InputMerge {
        guard let merge = InputMerge(rawValue: name.lowercased()) else {
            let names = InputMerge.allCases.map(\.rawValue)
            throw SpaceError("there is no merge '\(name)'\(Spelling.didYouMean(name, among: names)) (use \(names.joined(separator: " or ")))")
        }
        return merge
    }
}
