import NASCore

extension Interpreter {
    /// Runs one statement.
    func execute(_ statement: Stmt, in env: Environment) throws -> Flow {
        try tick(statement.range)
        switch statement.kind {
        case .expression(let expr):
            return .normal(try evaluate(expr, in: env))
        case .assign(let target, let valueExpr):
            try assign(try evaluate(valueExpr, in: env), to: target, in: env)
            return .normal(nil)
        case .ifElse(let condition, let then, let otherwise):
            if try truth(evaluate(condition, in: env), condition.range, "if") {
                return try execute(block: then, in: env)
            }
            if let otherwise { return try execute(block: otherwise, in: env) }
            return .normal(nil)
        case .forIn(let name, _, let iterable, let body):
            return try runFor(name, iterable, body, in: env)
        case .whileLoop(let condition, let body):
            while try truth(evaluate(condition, in: env), condition.range, "while") {
                try tick(condition.range)
                switch try execute(block: body, in: env) {
                case .returned(let v): return .returned(v)
                case .broke: return .normal(nil)
                default: continue
                }
            }
            return .normal(nil)
        case .function(let decl):
            env.define(decl.name, .function(.user(UserFunction(decl: decl, closure: env, origin: currentOrigin))))
            return .normal(nil)
        case .returnValue(let expr):
            return .returned(try expr.map { try evaluate($0, in: env) } ?? .none)
        case .breakLoop:
            return .broke(statement.range)
        case .continueLoop:
            return .continued(statement.range)
        case .assert(let condition, let message):
            try runAssert(condition, message, in: env)
            return .normal(nil)
        case .help(let topic, let range):
            write(try helpText(topic, range) + "\n")
            return .normal(nil)
        case .show(let expr):
            write(showText(try evaluate(expr, in: env)) + "\n")
            return .normal(nil)
        }
    }

    /// Runs statements in order until one jumps.
    func execute(block: [Stmt], in env: Environment) throws -> Flow {
        for statement in block {
            let flow = try execute(statement, in: env)
            if case .normal = flow { continue }
            return flow
        }
        return .normal(nil)
    }

    private func runFor(_ name: String, _ iterable: Expr, _ body: [Stmt], in env: Environment) throws -> Flow {
        let sequence = try evaluate(iterable, in: env)
        let count = try iterationCount(sequence, iterable.range)
        for i in 0..<count {
            try tick(iterable.range)
            env.define(name, try element(i, of: sequence, iterable.range))
            switch try execute(block: body, in: env) {
            case .returned(let v): return .returned(v)
            case .broke: return .normal(nil)
            default: continue
            }
        }
        return .normal(nil)
    }

    private func iterationCount(_ value: Value, _ range: SourceRange) throws -> Int {
        switch value {
        case .list(let items): return items.count
        case .range(let r): return r.count
        case .string(let s): return s.count
        case .record(let r): return r.count
        case .table(let t): return try materialize(t, range).count
        default: throw RuntimeError("cannot loop over \(value.kindDescription); loop over a list, range, string, record or table", at: range)
        }
    }

    private func element(_ i: Int, of value: Value, _ range: SourceRange) throws -> Value {
        switch value {
        case .list(let items): return items[i]
        case .range(let r): return .number(Double(r.element(i)))
        case .string(let s): return .string(String(s[s.index(s.startIndex, offsetBy: i)]))
        case .record(let r): return .string(r.keys[i])
        case .table(let t): return rowRecord(try materialize(t, range), i)
        default: return .none
        }
    }

    private func runAssert(_ condition: Expr, _ message: Expr?, in env: Environment) throws {
        let value = try evaluate(condition, in: env)
        guard case .bool(let ok) = value else {
            throw RuntimeError("assert needs true or false, got \(value.kindDescription)", at: condition.range)
        }
        if ok { return }
        var text = "assertion failed"
        if let message { text += ": " + (try evaluate(message, in: env)).displayText }
        if let detail = comparisonDetail(condition, in: env) { text += " (\(detail))" }
        throw RuntimeError(text, at: condition.range, kind: .assertion)
    }

    /// For a failed `assert a < b`, the two sides' values: `left: 0.82, right: 0.85`.
    private func comparisonDetail(_ condition: Expr, in env: Environment) -> String? {
        guard case .binary(let op, let a, let b) = condition.kind, op.tableOperator?.isComparison == true,
              let left = try? evaluate(a, in: env), let right = try? evaluate(b, in: env) else { return nil }
        return "left: \(left.inline(depth: 0)), right: \(right.inline(depth: 0))"
    }

    func truth(_ value: Value, _ range: SourceRange, _ context: String) throws -> Bool {
        guard case .bool(let b) = value else {
            throw RuntimeError("'\(context)' needs true or false, got \(value.kindDescription)", at: range)
        }
        return b
    }

    // MARK: - Assignment

    func assign(_ value: Value, to target: Expr, in env: Environment) throws {
        switch target.kind {
        case .name(let name):
            env.define(name, value)
        case .member(let base, let name, let nameRange):
            guard case .record(var record) = try evaluate(base, in: env) else {
                throw RuntimeError("only record fields can be assigned (r.\(name) = …)", at: nameRange)
            }
            record[name] = value
            try assign(.record(record), to: base, in: env)
        case .index(let base, let indexExpr):
            let container = try evaluate(base, in: env)
            let index = try evaluate(indexExpr, in: env)
            try assign(try replacing(in: container, at: index, with: value, indexExpr.range), to: base, in: env)
        default:
            throw RuntimeError("cannot assign to this expression", at: target.range)
        }
    }

    private func replacing(in container: Value, at index: Value, with value: Value, _ range: SourceRange) throws -> Value {
        switch (container, index) {
        case (.list(var items), .number):
            let i = try listPosition(index, count: items.count, range)
            items[i] = value
            return .list(items)
        case (.record(var record), .string(let key)):
            record[key] = value
            return .record(record)
        default:
            throw RuntimeError("cannot set an element of \(container.kindDescription) at \(index.inline(depth: 0))", at: range)
        }
    }

    // MARK: - help and show

    func helpText(_ topic: String?, _ range: SourceRange?) throws -> String {
        guard let topic else { return registry.overview() }
        if let text = registry.helpText(for: topic) { return text }
        if let value = globals.lookup(topic), case .function(.user(let f)) = value {
            return "\(value.inline(depth: 0))    [your function, defined at line \(f.decl.range.line)]"
        }
        let hint = registry.suggestion(for: topic).map { "; did you mean '\($0)'?" } ?? ""
        throw RuntimeError("no help for '\(topic)'\(hint) ('help' lists every topic)", at: range ?? .zero)
    }

    func showText(_ value: Value) -> String {
        switch value {
        case .object(let o): return o.render(width: width)
        case .function(.builtin(let b)): return registry.builtinPage(for: b.name) ?? value.render(width: width, color: color)
        case .table(let t):
            guard let table = try? t.materialize() else { return value.render(width: width, color: color) }
            return table.render(maxRows: 200, maxCellWidth: max(8, width / 2))
        default: return value.render(width: width, color: color)
        }
    }
}
