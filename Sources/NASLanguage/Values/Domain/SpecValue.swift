import NASSpaces

/// A piece of a search space being composed (`choice`, `repeat`, `inputs`, `dag`, `stack`, `skeleton`),
/// to be turned into a space by `space(name, spec)`.
public struct SpecValue: DomainValue {
    /// The wrapped spec.
    public let spec: SpaceSpec

    /// Wraps a spec.
    public init(_ spec: SpaceSpec) { self.spec = spec }

    /// The type name the user sees.
    public var typeName: String { "spec" }

    /// The spec written back as the calls that build it.
    public var summary: String { Self.text(spec) }

    /// Same spec.
    public func isEqual(to other: any DomainValue) -> Bool { (other as? SpecValue)?.spec == spec }

    static func text(_ spec: SpaceSpec) -> String {
        switch spec {
        case .choice(let name, let options):
            return "choice(\"\(name)\", [\(options.map { "\"\($0)\"" }.joined(separator: ", "))])"
        case .alternatives(let name, let branches):
            let parts = branches.map { "\"\($0.label)\": \(isEmpty($0.body) ? "none" : text($0.body))" }
            return "alternatives(\"\(name)\", {\(parts.joined(separator: ", "))})"
        case .sequence(let parts):
            return "stack(\(parts.map(text).joined(separator: ", ")))"
        case .repeat(let name, let depth, let body):
            return "repeat(\"\(name)\", \(depth.lowerBound)..\(depth.upperBound), \(text(body)))"
        case .inputs(let name, let pattern, let merge):
            return "inputs(\"\(name)\", \"\(pattern.rawValue)\", merge: \"\(merge.rawValue)\")"
        case .cell(let name, let nodes, let operations):
            return "dag(\"\(name)\", nodes: \(nodes), ops: \(quoted(operations)))"
        case .fixedCell(let name, let nodes, let operations):
            return "dag(\"\(name)\", nodes: \(nodes), ops: \(quoted(operations)), edges: \"all\")"
        case .skeleton(let skeleton, let cell):
            return "skeleton(\"\(skeleton.kind.rawValue)\", \(text(cell)), channels: \(skeleton.channels), cells: \(skeleton.cellsPerStage))"
        }
    }

    private static func quoted(_ names: [String]) -> String {
        "[\(names.map { "\"\($0)\"" }.joined(separator: ", "))]"
    }

    private static func isEmpty(_ spec: SpaceSpec) -> Bool {
        if case .sequence(let parts) = spec { return parts.isEmpty }
        return false
    }
}
