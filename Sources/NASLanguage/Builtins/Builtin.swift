/// A function the language provides: signature, help, and a thin body that calls the engine.
///
/// Each area registers its builtins in `Sources/NASLanguage/Builtins/<Area>Builtins.swift`
/// (see `BuiltinRegistry`). The registry binds and checks arguments against `parameters`
/// before `body` runs, so a body reads ready, well-typed values from its `BuiltinCall`.
public struct Builtin {
    /// The name the user calls.
    public var name: String
    /// The help category: "core", "tables", "spaces", ….
    public var category: String
    /// One line for listings.
    public var summary: String
    /// A paragraph for `help NAME`.
    public var help: String
    /// Parameters in positional order (each may also be given by keyword).
    public var parameters: [Parameter]
    /// Extra positional arguments, collected into `BuiltinCall.rest`, when the builtin takes any number.
    public var variadic: Parameter?
    /// The paper a NAS concept comes from, for `help`.
    public var paper: String?
    /// A line or two of example code for `help`.
    public var example: String?
    /// The work: checks what the registry cannot, calls the engine, returns a value.
    public var body: (BuiltinCall) throws -> Value

    /// Creates a builtin.
    public init(_ name: String, category: String, summary: String, help: String = "",
                parameters: [Parameter] = [], variadic: Parameter? = nil, paper: String? = nil,
                example: String? = nil, body: @escaping (BuiltinCall) throws -> Value) {
        self.name = name
        self.category = category
        self.summary = summary
        self.help = help
        self.parameters = parameters
        self.variadic = variadic
        self.paper = paper
        self.example = example
        self.body = body
    }

    /// The signature as help shows it: `sleep(duration: time)`.
    public var signatureText: String {
        var parts = parameters.map(\.signatureText)
        if let variadic { parts.insert("\(variadic.name): \(variadic.kind.tag)...", at: 0) }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}
