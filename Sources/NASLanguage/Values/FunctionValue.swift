/// A function value: one the user wrote with `fn`, or a builtin.
public enum FunctionValue {
    /// A user function with the variables it closes over.
    case user(UserFunction)
    /// A builtin from the registry.
    case builtin(Builtin)

    /// The function's name ("" for an anonymous function).
    public var name: String {
        switch self {
        case .user(let f): return f.decl.name
        case .builtin(let b): return b.name
        }
    }

    /// How it prints: `<fn area(w, h)>` or `<builtin sleep(duration)>`.
    public var description: String {
        switch self {
        case .user(let f):
            let name = f.decl.name.isEmpty ? "fn" : "fn \(f.decl.name)"
            return "<\(name)(\(f.decl.parameters.map(\.name).joined(separator: ", ")))>"
        case .builtin(let b): return "<builtin \(b.signatureText)>"
        }
    }
}

/// A function written in the language, with the scope and the source it was defined in.
public final class UserFunction {
    /// The definition.
    public let decl: FunctionDecl
    let closure: Environment
    /// The file and text the definition is in, for errors inside the body.
    let origin: SourceOrigin

    init(decl: FunctionDecl, closure: Environment, origin: SourceOrigin) {
        self.decl = decl
        self.closure = closure
        self.origin = origin
    }
}
