/// An engine object shown to the language: a search space, an architecture, a run, a LUT.
///
/// Other layers wrap their objects in a type conforming to this protocol and return them
/// from builtins as `Value.object(_)`. The language asks it for a one-line summary (how the
/// value prints inline and at the prompt), a multi-line rendering (`show x`), and its fields
/// (`x.name`, completion after `x.`).
public protocol DomainValue: Sendable {
    /// The type's name as the user sees it (`type(x)`, messages): "space", "architecture", ….
    var typeName: String { get }
    /// One line describing the value, such as `nb201 space (15,625 architectures)`.
    var summary: String { get }
    /// A fuller, multi-line description for `show`, fitted to `width` columns.
    func render(width: Int) -> String
    /// The field `name`, or nil when there is no such field.
    func member(_ name: String) throws -> Value?
    /// The field names, for completion and error messages.
    var memberNames: [String] { get }
    /// Whether this value equals another domain value (by default: same type and same summary).
    func isEqual(to other: any DomainValue) -> Bool
}

extension DomainValue {
    /// Same type name and same summary.
    public func isEqual(to other: any DomainValue) -> Bool {
        typeName == other.typeName && summary == other.summary
    }

    /// By default the fuller rendering is the summary.
    public func render(width: Int) -> String { summary }

    /// By default there are no fields.
    public func member(_ name: String) throws -> Value? { nil }

    /// By default there are no fields.
    public var memberNames: [String] { [] }
}
