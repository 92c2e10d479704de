import NASCore

extension Interpreter {
    /// Runs one pipeline step on the value at its left.
    ///
    /// Each verb becomes a `TableOp` and is offered to the table's source first (a store can
    /// turn it into SQL); sources that decline fall back to the in-memory verbs of `Table`.
    /// Inside a verb, bare names are columns; names that are not columns are variables.
    func pipe(_ input: Value, _ verb: Verb, in env: Environment) throws -> Value {
        // A builtin that needs no argument, written bare on the left (`runs | …`, `trials | …`), is called.
        if case .function(.builtin(let b)) = input, b.parameters.allSatisfy({ !$0.isRequired }), b.variadic == nil {
            return try pipe(invoke(input, []), verb, in: env)
        }
        if case .call(let callee, let arguments) = verb.kind {
            return try call(callee, arguments, prepending: input, range: verb.nameRange, in: env)
        }
        if case .plot(let fields) = verb.kind {
            return try plotVerb(input, fields, range: verb.nameRange, in: env)
        }
        let table = try tableValue(input, verb.nameRange)
        let step = try plan(verb, on: table, in: env)
        do {
            switch step {
            case .op(let op): return .table(TableValue(try table.source.applyingOrMaterializing(op)))
            case .done(let result): return .table(result)
            }
        } catch {
            throw RuntimeError(describeError(error), at: verb.nameRange)
        }
    }

    private func tableValue(_ input: Value, _ range: SourceRange) throws -> TableValue {
        switch input {
        case .table(let t): return t
        case .list:
            do { return TableValue(try tableFrom(input)) } catch { throw RuntimeError(describeError(error), at: range) }
        default:
            throw RuntimeError("table verbs need a table on their left, got \(input.kindDescription)", at: range)
        }
    }

    /// What a verb turns into: a step for the source, or (when it ran row by row) its result.
    private enum Step {
        case op(TableOp)
        case done(Table)
    }

    private func plan(_ verb: Verb, on table: TableValue, in env: Environment) throws -> Step {
        if case .filter(let condition) = verb.kind, try compile(condition, columns: Set(table.columns), in: env) == nil {
            return .done(try rowwiseFilter(condition, table, in: env))
        }
        if case .pareto(let objectives) = verb.kind {
            try check(objectives.map(\.0), in: table.columns)
            let x = objectives[0], y = objectives[1]
            return .done(try materialize(table, verb.nameRange)
                .pareto(x: (x.0.name, !x.maximize), y: (y.0.name, !y.maximize)))
        }
        if case .extend(let fields) = verb.kind {
            let single = fields.count == 1 ? try compile(fields[0].value, columns: Set(table.columns), in: env) : nil
            if single == nil { return .done(try rowwiseExtend(fields, table, in: env)) }
        }
        return .op(try tableOp(for: verb, on: table, in: env))
    }

    private func tableOp(for verb: Verb, on table: TableValue, in env: Environment) throws -> TableOp {
        let columns = table.columns
        switch verb.kind {
        case .filter(let condition):
            return .filter(try compile(condition, columns: Set(columns), in: env)!)
        case .sort(let keys):
            try check(keys.map(\.0), in: columns)
            return .sort(keys.map { SortKey($0.0.name, descending: $0.descending) })
        case .take(let count):
            return .take(try integer(evaluate(count, in: env), count.range, "take's count"))
        case .select(let names):
            try check(names, in: columns)
            return .select(names.map(\.name))
        case .extend(let fields):
            return .extend(fields[0].name, try compile(fields[0].value, columns: Set(columns), in: env)!)
        case .summarize(let keys, let fields):
            try check(keys, in: columns)
            return .summarize(groupBy: keys.map(\.name), aggregates: try fields.map { try aggregate($0, columns) })
        case .join(let otherExpr, let keys):
            let other = try tableValue(try evaluate(otherExpr, in: env), otherExpr.range)
            try check(keys, in: columns)
            try check(keys, in: other.columns)
            return .join(try materialize(other, otherExpr.range), on: keys.map(\.name))
        case .call, .pareto, .plot:
            preconditionFailure("handled before")
        }
    }

    private func check(_ refs: [ColumnRef], in columns: [String]) throws {
        for ref in refs where !columns.contains(ref.name) {
            throw RuntimeError(TableError.unknownColumn(ref.name, in: columns).message, at: ref.range)
        }
    }

    private func aggregate(_ field: RecordField, _ columns: [String]) throws -> Aggregate {
        let usage = "write an aggregate such as count(), mean(col), sum(col), min(col), max(col) or std(col)"
        guard case .call(let callee, let arguments) = field.value.kind, case .name(let name) = callee.kind else {
            throw RuntimeError("'\(field.name):' needs an aggregate: \(usage)", at: field.value.range)
        }
        guard let function = AggregateFunction(rawValue: name) else {
            let names = AggregateFunction.allCases.map(\.rawValue)
            throw RuntimeError("unknown aggregate '\(name)'\(Spelling.didYouMean(name, among: names)); \(usage)", at: callee.range)
        }
        if function == .count {
            guard arguments.isEmpty else { throw RuntimeError("count() takes no column: it counts the rows", at: field.value.range) }
            return Aggregate(name: field.name, function: .count, column: nil)
        }
        guard arguments.count == 1, arguments[0].label == nil, case .name(let column) = arguments[0].value.kind else {
            throw RuntimeError("\(name)() takes one column name, as in \(name)(accuracy)", at: field.value.range)
        }
        try check([ColumnRef(name: column, range: arguments[0].value.range)], in: columns)
        return Aggregate(name: field.name, function: function, column: column)
    }

    // MARK: - Compiling row expressions

    /// Turns a verb's expression into a `TableExpr` when it only uses columns, constants and
    /// operators; parts without columns are evaluated once. Nil when it needs row-wise evaluation.
    func compile(_ expr: Expr, columns: Set<String>, in env: Environment) throws -> TableExpr? {
        switch expr.kind {
        case .name(let name):
            if columns.contains(name) { return .column(name) }
            if let value = env.lookup(name) { return value.cell.map(TableExpr.literal) }
            if registry.lookup(name) != nil { return nil }
            var message = TableError.unknownColumn(name, in: columns.sorted()).message
            if let suggestion = Spelling.suggestion(for: name, among: env.visibleNames), !columns.contains(suggestion) {
                message += "; a variable '\(suggestion)' exists"
            }
            throw RuntimeError(message, at: expr.range)
        case .number, .string, .bool, .none:
            return try evaluate(expr, in: env).cell.map(TableExpr.literal)
        case .unary(let op, let operand):
            guard let inner = try compile(operand, columns: columns, in: env) else { return nil }
            return .unary(op == .negate ? .negate : .not, inner)
        case .binary(let op, let a, let b):
            guard let tableOp = op.tableOperator,
                  let left = try compile(a, columns: columns, in: env),
                  let right = try compile(b, columns: columns, in: env) else { return nil }
            return .binary(tableOp, left, right)
        default:
            guard !mentions(expr, columns) else { return nil }
            return try evaluate(expr, in: env).cell.map(TableExpr.literal)
        }
    }

    /// Whether an expression names any of the columns (conservatively, anywhere inside it).
    private func mentions(_ expr: Expr, _ columns: Set<String>) -> Bool {
        switch expr.kind {
        case .name(let n): return columns.contains(n)
        case .number, .string, .bool, .none: return false
        case .list(let items): return items.contains { mentions($0, columns) }
        case .record(let fields): return fields.contains { mentions($0.value, columns) }
        case .unary(_, let e): return mentions(e, columns)
        case .binary(_, let a, let b), .range(let a, let b, _), .index(let a, let b): return mentions(a, columns) || mentions(b, columns)
        case .call(let f, let args): return mentions(f, columns) || args.contains { mentions($0.value, columns) }
        case .member(let e, _, _): return mentions(e, columns)
        case .pipe, .function: return true
        }
    }

    // MARK: - Row-wise fallbacks

    private func rowScope(_ table: Table, _ i: Int, parent env: Environment) -> Environment {
        let scope = Environment(parent: env)
        for (name, cell) in zip(table.columns, table.rows[i]) { scope.define(name, Value(cell)) }
        return scope
    }

    private func rowwiseFilter(_ condition: Expr, _ input: TableValue, in env: Environment) throws -> Table {
        let table = try materialize(input, condition.range)
        var keep: [[Cell]] = []
        for i in table.rows.indices {
            try tick(condition.range)
            if try truth(evaluate(condition, in: rowScope(table, i, parent: env)), condition.range, "where") {
                keep.append(table.rows[i])
            }
        }
        return Table(columns: table.columns, rows: keep)
    }

    private func rowwiseExtend(_ fields: [RecordField], _ input: TableValue, in env: Environment) throws -> Table {
        var table = try materialize(input, fields.first?.nameRange ?? .zero)
        for field in fields {
            var values: [Cell] = []
            for i in table.rows.indices {
                try tick(field.value.range)
                let value = try evaluate(field.value, in: rowScope(table, i, parent: env))
                guard let cell = value.cell else {
                    throw RuntimeError("column '\(field.name)' cannot hold \(value.kindDescription)", at: field.value.range)
                }
                values.append(cell)
            }
            table = table.extended(field.name, values: values)
        }
        return table
    }
}
