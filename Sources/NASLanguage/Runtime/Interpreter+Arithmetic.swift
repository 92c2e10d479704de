import NASCore

/// The operators: arithmetic with units, comparisons, `in`, and the checks that keep every
/// result a finite number (an overflow or an undefined result is an error at the operator).
extension Interpreter {
    func unary(_ op: UnaryOperator, _ value: Value, _ range: SourceRange) throws -> Value {
        switch (op, Self.numeric(value)) {
        case (.negate, .number(let q)): return .number(Quantity(-q.value, q.dimension, hint: q.hint))
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, _): throw RuntimeError("cannot negate \(value.kindDescription): '-' needs a number", at: range)
        case (.not, _): throw RuntimeError("'not' needs true or false, got \(value.kindDescription)", at: range)
        }
    }

    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, _ range: SourceRange) throws -> Value {
        do {
            switch op {
            case .add: return try add(left, right, range)
            case .subtract, .multiply, .divide, .power: return try arithmetic(op, left, right, range)
            case .equal: return .bool(try left.equals(right))
            case .notEqual: return .bool(try !left.equals(right))
            case .less, .lessOrEqual, .greater, .greaterOrEqual: return .bool(try compare(op, left, right, range))
            case .contains: return .bool(try contains(right, left, range))
            case .and, .or: return .bool(try truth(left, range, op.rawValue) && truth(right, range, op.rawValue))
            }
        } catch let error as UnitError {
            throw RuntimeError(error.message, at: range)
        }
    }

    /// A count (a space's size too large for an exact plain number) as its approximate plain number;
    /// any other value unchanged. Counts take part in arithmetic and comparisons this way.
    static func numeric(_ value: Value) -> Value {
        guard case .object(let o) = value, let count = o as? CountValue else { return value }
        return .number(Quantity(count.count.doubleValue))
    }

    private func add(_ left: Value, _ right: Value, _ range: SourceRange) throws -> Value {
        switch (Self.numeric(left), Self.numeric(right)) {
        case (.number(let a), .number(let b)): return .number(try finite(Quantity.adding(a, b), .add, a, b, range))
        case (.string, _), (_, .string):
            let text = left.displayText + right.displayText
            guard text.utf8.count <= Self.maxCollectionSize else { throw RuntimeError("the string would be too long", at: range) }
            return .string(text)
        case (.list(let a), .list(let b)):
            guard a.count + b.count <= Self.maxCollectionSize else { throw RuntimeError("the list would be too long", at: range) }
            return .list(a + b)
        default:
            throw RuntimeError("cannot add \(left.kindDescription) and \(right.kindDescription)", at: range)
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value, _ range: SourceRange) throws -> Value {
        guard case .number(let a) = Self.numeric(left), case .number(let b) = Self.numeric(right) else {
            throw RuntimeError("'\(op.rawValue)' needs numbers, got \(left.kindDescription) and \(right.kindDescription)", at: range)
        }
        let result: Quantity
        switch op {
        case .subtract: result = try Quantity.subtracting(a, b)
        case .multiply: result = try Quantity.multiplying(a, b)
        case .divide: result = try Quantity.dividing(a, b)
        default: result = try Quantity.power(a, b)
        }
        return .number(try finite(result, op, a, b, range))
    }

    /// The result of `a op b`, or an error at the operator when finite operands gave an
    /// infinite result (an overflow) or no number at all (`(-8) ** 0.5`).
    private func finite(_ result: Quantity, _ op: BinaryOperator, _ a: Quantity, _ b: Quantity,
                        _ range: SourceRange) throws -> Quantity {
        guard !result.value.isFinite, a.value.isFinite, b.value.isFinite else { return result }
        let expression = "\(Self.operand(a)) \(op.rawValue) \(Self.operand(b))"
        if result.value.isNaN {
            throw RuntimeError("\(expression) is not a real number ('\(op.rawValue)' has no result for these operands)", at: range)
        }
        if op == .power, a.value == 0 {
            throw RuntimeError("\(expression) divides by zero (0 to a negative power)", at: range)
        }
        throw RuntimeError("\(expression) \(NumberLimits.overflowText)", at: range)
    }

    /// An operand as a message writes it: a negative one in parentheses, `(-8) ** 0.5`.
    private static func operand(_ q: Quantity) -> String {
        q.value < 0 ? "(\(q.description))" : q.description
    }

    private func compare(_ op: BinaryOperator, _ left: Value, _ right: Value, _ range: SourceRange) throws -> Bool {
        let order: Int
        switch (Self.numeric(left), Self.numeric(right)) {
        case (.number(let a), .number(let b)): order = try exactOrder(left, right) ?? Quantity.compare(a, b)
        case (.string(let a), .string(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        default:
            throw RuntimeError("cannot compare \(left.kindDescription) with \(right.kindDescription) using '\(op.rawValue)'", at: range)
        }
        switch op {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    /// The exact order of a count and a whole plain number (or two counts), where doubles would round;
    /// nil when neither side is a count, or a side is not a whole number.
    private func exactOrder(_ left: Value, _ right: Value) -> Int? {
        guard CountValue.isCount(left) || CountValue.isCount(right),
              let a = CountValue.exact(left), let b = CountValue.exact(right) else { return nil }
        return a < b ? -1 : (a > b ? 1 : 0)
    }
}
