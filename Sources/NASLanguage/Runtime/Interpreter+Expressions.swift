import NASCore

extension Interpreter {
    /// The largest list or string an expression may build (a guard against runaway growth).
    static let maxCollectionSize = 2_000_000

    /// Evaluates an expression.
    func evaluate(_ expr: Expr, in env: Environment) throws -> Value {
        switch expr.kind {
        case .number(let q): return .number(q)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .name(let name): return try lookup(name, expr.range, in: env)
        case .list(let items): return .list(try items.map { try evaluate($0, in: env) })
        case .record(let fields):
            var record = Record()
            for field in fields { record[field.name] = try evaluate(field.value, in: env) }
            return .record(record)
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand, in: env), expr.range)
        case .binary(.and, let a, let b):
            guard try truth(evaluate(a, in: env), a.range, "and") else { return .bool(false) }
            return .bool(try truth(evaluate(b, in: env), b.range, "and"))
        case .binary(.or, let a, let b):
            if try truth(evaluate(a, in: env), a.range, "or") { return .bool(true) }
            return .bool(try truth(evaluate(b, in: env), b.range, "or"))
        case .binary(let op, let a, let b):
            return try binary(op, try evaluate(a, in: env), try evaluate(b, in: env), expr.range)
        case .range(let a, let b, let inclusive):
            let lower = try integer(evaluate(a, in: env), a.range, "a range bound")
            let upper = try integer(evaluate(b, in: env), b.range, "a range bound")
            return .range(RangeValue(lower: lower, upper: upper, inclusive: inclusive))
        case .call(let callee, let arguments):
            return try call(callee, arguments, prepending: nil, range: expr.range, in: env)
        case .member(let base, let name, let nameRange):
            return try member(name, of: try evaluate(base, in: env), nameRange)
        case .index(let base, let index):
            return try subscripting(try evaluate(base, in: env), try evaluate(index, in: env), index.range)
        case .pipe(let input, let verb):
            return try pipe(try evaluate(input, in: env), verb, in: env)
        case .function(let decl):
            return .function(.user(UserFunction(decl: decl, closure: env, origin: currentOrigin)))
        }
    }

    /// A variable, then a builtin; otherwise an error with the closest known name.
    func lookup(_ name: String, _ range: SourceRange, in env: Environment) throws -> Value {
        if let value = env.lookup(name) { return value }
        if let builtin = registry.lookup(name) { return .function(.builtin(builtin)) }
        let candidates = env.visibleNames.union(registry.names)
        var message = "unknown name '\(name)'" + Spelling.didYouMean(name, among: candidates)
        if VerbKind.names.contains(name) { message += " ('\(name)' is a table verb: write 't | \(name) …')" }
        throw RuntimeError(message, at: range)
    }

    // MARK: - Operators (arithmetic and comparison are in Interpreter+Arithmetic.swift)

    /// Whether `item in container`.
    func contains(_ container: Value, _ item: Value, _ range: SourceRange) throws -> Bool {
        switch (container, item) {
        case (.list(let items), _): return try items.contains { try $0.equals(item) }
        case (.range(let r), .number(let q)): return q.wholeNumber.map(r.contains) ?? false
        case (.string(let s), .string(let part)): return s.contains(part)
        case (.record(let r), .string(let key)): return r[key] != nil
        case (.table(let t), .string(let column)): return t.columns.contains(column)
        default:
            throw RuntimeError("cannot look for \(item.kindDescription) in \(container.kindDescription)", at: range)
        }
    }

    // MARK: - Members and indexing

    func member(_ name: String, of value: Value, _ range: SourceRange) throws -> Value {
        switch value {
        case .record(let record):
            if let field = record[name] { return field }
            throw RuntimeError("the record has no field '\(name)'\(Spelling.didYouMean(name, among: record.keys)) (fields: \(record.keys.joined(separator: ", ")))", at: range)
        case .table(let t):
            if t.columns.contains(name) { return .list(try materialize(t, range).column(name)!.map(Value.init)) }
            if name == "columns" { return .list(t.columns.map { .string($0) }) }
            if name == "rows" { return .list(try rowRecords(materialize(t, range))) }
            throw RuntimeError("no column '\(name)' in this table\(Spelling.didYouMean(name, among: t.columns)) (columns: \(t.columns.joined(separator: ", ")); also .columns and .rows)", at: range)
        case .object(let o):
            let found: Value?
            do { found = try o.member(name) } catch { throw RuntimeError(describeError(error), at: range) }
            if let found { return found }
            let names = o.memberNames
            let list = names.isEmpty ? "it has no fields" : "fields: " + names.joined(separator: ", ")
            throw RuntimeError("\(o.typeName) has no field '\(name)'\(Spelling.didYouMean(name, among: names)) (\(list))", at: range)
        default:
            throw RuntimeError("\(value.kindDescription) has no fields (looking for '.\(name)')", at: range)
        }
    }

    func subscripting(_ value: Value, _ index: Value, _ range: SourceRange) throws -> Value {
        switch (value, index) {
        case (.list(let items), .number): return items[try listPosition(index, count: items.count, range)]
        case (.range(let r), .number): return .number(Double(r.element(try listPosition(index, count: r.count, range))))
        case (.string(let s), .number):
            let i = try listPosition(index, count: s.count, range)
            return .string(String(s[s.index(s.startIndex, offsetBy: i)]))
        case (.record(let r), .string(let key)):
            guard let field = r[key] else {
                throw RuntimeError("the record has no field '\(key)'\(Spelling.didYouMean(key, among: r.keys))", at: range)
            }
            return field
        case (.table(let t), .number):
            let table = try materialize(t, range)
            return rowRecord(table, try listPosition(index, count: table.count, range))
        case (.table, .string(let column)):
            return try member(column, of: value, range)
        default:
            throw RuntimeError("cannot index \(value.kindDescription) with \(index.kindDescription)", at: range)
        }
    }

    /// A position from 0 (negative counts from the end), checked against `count`.
    func listPosition(_ index: Value, count: Int, _ range: SourceRange) throws -> Int {
        let i = try integer(index, range, "an index")
        let position = i < 0 ? count + i : i
        guard position >= 0, position < count else {
            throw RuntimeError("index \(i) is out of range (\(count) item\(count == 1 ? "" : "s"); the first is 0, the last is \(count - 1) or -1)", at: range)
        }
        return position
    }

    /// A whole plain number as an `Int`, or an error naming what was expected.
    func integer(_ value: Value, _ range: SourceRange, _ what: String) throws -> Int {
        guard case .number(let q) = value, let n = q.wholeNumber else {
            throw RuntimeError("\(what) \(value.wholeNumberProblem), got \(value.kindDescription)", at: range)
        }
        return n
    }

    // MARK: - Tables

    func materialize(_ table: TableValue, _ range: SourceRange) throws -> Table {
        do { return try table.materialize() } catch { throw RuntimeError(describeError(error), at: range) }
    }

    func rowRecord(_ table: Table, _ i: Int) -> Value {
        .record(Record(zip(table.columns, table.rows[i]).map { ($0, Value($1)) }))
    }

    func rowRecords(_ table: Table) -> [Value] {
        table.rows.indices.map { rowRecord(table, $0) }
    }

    /// A table from a table value, a list of records (union of their fields) or a record of equal-length lists.
    public func tableFrom(_ value: Value) throws -> Table {
        switch value {
        case .table(let t): return try t.materialize()
        case .list(let items):
            var columns: [String] = []
            var records: [Record] = []
            for item in items {
                guard case .record(let r) = item else {
                    throw BuiltinError("a table needs a list of records, but one item is \(item.kindDescription)")
                }
                for key in r.keys where !columns.contains(key) { columns.append(key) }
                records.append(r)
            }
            let rows = try records.map { r in try columns.map { try cell(r[$0] ?? .none, column: $0) } }
            return Table(columns: columns, rows: rows)
        case .record(let r):
            let lists = try r.fields.map { field -> [Value] in
                switch field.value {
                case .list(let items): return items
                case .range(let range): return (0..<range.count).map { .number(Double(range.element($0))) }
                default: throw BuiltinError("column '\(field.key)' must be a list, got \(field.value.kindDescription)")
                }
            }
            let count = lists.first?.count ?? 0
            if let bad = zip(r.keys, lists).first(where: { $0.1.count != count }) {
                throw BuiltinError("columns must have the same length: '\(r.keys[0])' has \(count), '\(bad.0)' has \(bad.1.count)")
            }
            let rows = try (0..<count).map { i in try zip(r.keys, lists).map { try cell($0.1[i], column: $0.0) } }
            return Table(columns: r.keys, rows: rows)
        default:
            throw BuiltinError("cannot make a table from \(value.kindDescription); give a list of records or a record of lists")
        }
    }

    func cell(_ value: Value, column: String) throws -> Cell {
        guard let cell = value.cell else {
            throw BuiltinError("column '\(column)' cannot hold \(value.kindDescription): table cells are numbers, strings, booleans or none")
        }
        return cell
    }

    /// The message of any error, in the user's terms.
    func describeError(_ error: Error) -> String {
        switch error {
        case let e as BuiltinError: return e.message
        case let e as TableError: return e.message
        case let e as UnitError: return e.message
        case let e as RuntimeError: return e.message
        case is CancellationError: return "interrupted"
        default: return String(describing: error)
        }
    }
}
