import NASCore

extension Interpreter {
    /// Runs `input | plot x: trial, y: best, …` as a call of the `plot` builtin with `input` first.
    ///
    /// Bare names among the values are columns (or words such as `scatter`) and pass as their names;
    /// a name that is a variable and not a column of the input passes the variable's value, and
    /// anything else is evaluated as usual.
    func plotVerb(_ input: Value, _ fields: [RecordField], range: SourceRange, in env: Environment) throws -> Value {
        guard let builtin = registry.lookup("plot") else { throw RuntimeError("the plot builtin is not registered", at: range) }
        let columns: Set<String> = if case .table(let t) = input { Set(t.columns) } else { [] }
        var keywords: [(String, Value)] = []
        var keywordRanges: [String: SourceRange] = [:]
        for field in fields {
            keywords.append((field.name, try plotArgument(field.value, columns: columns, in: env)))
            keywordRanges[field.name] = field.value.range
        }
        let site = CallSite(range: range, positionalRanges: [range], keywordRanges: keywordRanges)
        return try invoke(.function(.builtin(builtin)), [input], keywords, site: site)
    }

    /// A plot verb's argument: a bare name as its text, a list of bare names as a list of texts.
    private func plotArgument(_ expr: Expr, columns: Set<String>, in env: Environment) throws -> Value {
        switch expr.kind {
        case .name(let name) where columns.contains(name) || env.lookup(name) == nil:
            return .string(name)
        case .list(let items):
            return .list(try items.map { try plotArgument($0, columns: columns, in: env) })
        default:
            return try evaluate(expr, in: env)
        }
    }
}
