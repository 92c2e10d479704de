/// A scope of variables: the globals, or one function call's locals with its defining scope as parent.
///
/// Blocks of `if`, `for` and `while` do not open scopes (as in Python): a variable assigned
/// inside a loop is visible after it.
final class Environment {
    private(set) var values: [String: Value] = [:]
    let parent: Environment?

    init(parent: Environment? = nil) {
        self.parent = parent
    }

    /// The variable's value, looking outwards through enclosing scopes.
    func lookup(_ name: String) -> Value? {
        var scope: Environment? = self
        while let s = scope {
            if let v = s.values[name] { return v }
            scope = s.parent
        }
        return nil
    }

    /// Sets a variable in this scope.
    func define(_ name: String, _ value: Value) { values[name] = value }

    /// Removes every variable from this scope.
    func removeAll() { values.removeAll() }

    /// Every name visible from here.
    var visibleNames: Set<String> {
        var names = Set(values.keys)
        if let parent { names.formUnion(parent.visibleNames) }
        return names
    }
}
