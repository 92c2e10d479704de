import NASCore
import NASSpaces

/// A search space as the language sees it: `nb201 space (15,625 architectures)`.
///
/// A thin wrapper: counting, sampling and decoding stay in `NASSpaces`; this type only names
/// the fields (`s.name`, `s.size`, `s.decisions`, …) and prints the space.
public struct SpaceValue: DomainValue {
    /// The wrapped space.
    public let space: any SearchSpace

    /// Wraps a space.
    public init(_ space: any SearchSpace) { self.space = space }

    /// The type name the user sees.
    public var typeName: String { "space" }

    /// One line: how the value prints.
    public var summary: String {
        "\(space.name) space (\(Self.grouped(space.size.description)) architectures)"
    }

    /// The fuller view `show` prints.
    public func render(width: Int) -> String {
        var lines = [summary]
        if !space.help.isEmpty { lines.append(space.help) }
        if !space.paper.isEmpty { lines.append("Paper: \(space.paper)") }
        let decisions = space.offeredDecisions
        lines.append("\(decisions.count) decisions:")
        let shown = decisions.prefix(30)
        for d in shown {
            let options = d.options.prefix(8).joined(separator: ", ") + (d.count > 8 ? ", … (\(d.count))" : "")
            lines.append(Self.clip("  \(d.name): \(options)", width: width))
        }
        if decisions.count > shown.count { lines.append("  … \(decisions.count - shown.count) more") }
        return lines.joined(separator: "\n")
    }

    /// The field names, for completion and messages.
    public var memberNames: [String] {
        ["name", "size", "decisions", "options", "input", "classes", "help", "paper"] + (space is OFASpace ? ["subnetworks"] : [])
    }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "name": return .string(space.name)
        case "size": return Self.count(space.size)
        case "decisions": return .list(space.decisions.map { .string($0.name) })
        case "options": return .record(Record(space.offeredDecisions.map { ($0.name, .list($0.options.map { .string($0) })) }))
        case "input": return Self.shapeList(space.defaultInput)
        case "classes": return .number(Double(space.defaultClasses))
        case "help": return .string(space.help)
        case "paper": return .string(space.paper)
        case "subnetworks":
            guard let ofa = space as? OFASpace else { return nil }
            return Self.count(ofa.subnetworkCount)
        default: return nil
        }
    }

    /// Same space name and same decisions.
    public func isEqual(to other: any DomainValue) -> Bool {
        guard let o = other as? SpaceValue else { return false }
        return o.space.name == space.name && o.space.decisions == space.decisions
    }

    /// An exact count as a number when a Double holds it exactly, else as a `CountValue`.
    public static func count(_ n: BigCount) -> Value {
        if let i = n.intValue, i <= 1 << 53 { return .number(Double(i)) }
        return .object(CountValue(n))
    }

    /// A shape as the list `[channels, height, width]`.
    static func shapeList(_ shape: TensorShape) -> Value {
        .list([shape.channels, shape.height, shape.width].map { .number(Double($0)) })
    }

    /// Digits grouped by thousands: `15,625`.
    static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    static func clip(_ line: String, width: Int) -> String {
        line.count <= max(20, width) ? line : String(line.prefix(max(20, width) - 1)) + "…"
    }
}
