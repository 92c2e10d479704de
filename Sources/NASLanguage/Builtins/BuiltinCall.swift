import NASCore
import NASEngine

/// One call of a builtin: its bound arguments and what the body may use of the interpreter.
public struct BuiltinCall {
    /// The builtin being called.
    public let builtin: Builtin
    /// Each parameter's value (given or default), by name.
    public let arguments: [String: Value]
    /// Extra positional arguments, for variadic builtins.
    public let rest: [Value]
    /// Which parameters the caller gave explicitly.
    public let given: Set<String>
    /// The interpreter running the call.
    public let interpreter: Interpreter

    /// The session: workspace, interrupt flag and jobs.
    public var session: Session { interpreter.session }

    /// The value of a parameter (its default when not given).
    public subscript(name: String) -> Value { arguments[name] ?? .none }

    /// A number parameter (a count, a space's size, as its approximate plain number).
    public func quantity(_ name: String) throws -> Quantity {
        guard case .number(let q) = Interpreter.numeric(self[name]) else { throw wrongKind(name, .number) }
        return q
    }

    /// A number parameter in base units (seconds, bytes, plain).
    public func double(_ name: String) throws -> Double { try quantity(name).value }

    /// A whole-number parameter.
    public func int(_ name: String) throws -> Int {
        let q = try quantity(name)
        guard let n = Quantity(q.value).wholeNumber else {
            throw BuiltinError("\(name) \(Value.number(q.value).wholeNumberProblem), got \(q.description)", argument: name)
        }
        return n
    }

    /// A string parameter.
    public func string(_ name: String) throws -> String {
        guard case .string(let s) = self[name] else { throw wrongKind(name, .string) }
        return s
    }

    /// A boolean parameter.
    public func bool(_ name: String) throws -> Bool {
        guard case .bool(let b) = self[name] else { throw wrongKind(name, .bool) }
        return b
    }

    /// A list parameter (ranges become lists).
    public func list(_ name: String) throws -> [Value] {
        switch self[name] {
        case .list(let items): return items
        case .range(let r): return (0..<r.count).map { .number(Double(r.element($0))) }
        default: throw wrongKind(name, .list)
        }
    }

    /// A table parameter, in memory (a list of records becomes a table).
    public func table(_ name: String) throws -> Table {
        do { return try interpreter.tableFrom(self[name]) } catch let error as BuiltinError {
            throw BuiltinError(error.message, argument: name)
        }
    }

    /// A domain object parameter of type `T`.
    public func object<T: DomainValue>(_ name: String, as type: T.Type) throws -> T {
        guard case .object(let o) = self[name], let typed = o as? T else {
            throw BuiltinError("\(name) must be \(IndefiniteArticle.prefixing(Self.userTypeName(of: T.self))), got \(IndefiniteArticle.prefixing(self[name].typeName))", argument: name)
        }
        return typed
    }

    /// Whether the value is `none` (an optional parameter left out).
    public func isNone(_ name: String) -> Bool { self[name].isNone }

    /// Writes text to the output (add the newline yourself).
    public func write(_ text: String) { interpreter.write(text) }

    /// Calls a function value (user or builtin) with positional arguments.
    public func invoke(_ function: Value, _ arguments: [Value]) throws -> Value {
        try interpreter.invoke(function, arguments)
    }

    /// Throws `CancellationError` when the user pressed Ctrl-C.
    public func checkInterrupt() throws { try session.interrupt.check() }

    /// The name users know a domain type by: `SpaceValue` is a "space".
    private static func userTypeName(of type: any DomainValue.Type) -> String {
        var name = String(describing: type)
        if name.hasSuffix("Value"), name.count > 5 { name.removeLast(5) }
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    private func wrongKind(_ name: String, _ kind: ValueKind) -> BuiltinError {
        BuiltinError("\(name) must be \(kind.noun), got \(self[name].kindDescription)", argument: name)
    }
}
