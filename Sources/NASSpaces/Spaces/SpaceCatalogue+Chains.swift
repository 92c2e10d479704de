import NASCore

extension SpaceCatalogue {
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
