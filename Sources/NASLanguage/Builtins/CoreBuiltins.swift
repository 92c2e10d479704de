import Foundation
import NASCore

/// The core builtins: printing, types, numbers, lists and records.
extension BuiltinRegistry {
    /// Registers the core builtins.
    func registerCoreBuiltins() {
        registerOutputBuiltins()
        registerTypeBuiltins()
        registerNumberBuiltins()
        registerListBuiltins()
    }

    private func registerOutputBuiltins() {
        register(Builtin("print", category: "core", summary: "print values separated by spaces",
                         help: "Prints its arguments on one line, separated by `sep`. Strings print without quotes; numbers with their units; tables as aligned text. Returns none.",
                         parameters: [Parameter("sep", .string, default: .string(" "), keywordOnly: true, help: "text between values")],
                         variadic: Parameter("values"), example: "print(\"best:\", 0.943, 12ms)   # best: 0.943 12ms") { call in
            call.write(call.rest.map(\.displayText).joined(separator: try call.string("sep")) + "\n")
            return .none
        })
        register(Builtin("show", category: "core", summary: "print the full view of a value",
                         help: "Prints the detailed view of a value: all of an object's description (a space, an architecture, a run), up to 200 rows of a table, or a builtin's help page. `show x` and `show(x)` are the same.",
                         parameters: [Parameter("value")], example: "show t") { call in
            call.write(call.interpreter.showText(call["value"]) + "\n")
            return .none
        })
        register(Builtin("help", category: "core", summary: "list the help topics, or show one",
                         help: "Without an argument, lists every builtin and topic by category. With a name, shows its page: signature, description, arguments, example and paper; a concept page (`help concepts` lists them) comes first where a concept and a builtin share a name, and a builtin itself — `help(darts)`, without quotes — always gives the builtin's own page. `help sleep` and `?sleep` are the same as `help(\"sleep\")`.",
                         parameters: [Parameter("topic", .any, default: Value.none, help: "a name as a string, or a function")]) { call in
            let topic: String?
            switch call["topic"] {
            case .function(.builtin(let b)):
                call.write((call.interpreter.registry.builtinPage(for: b.name) ?? b.summary) + "\n")
                return .none
            case .none: topic = nil
            case .string(let s): topic = s
            case .function(let f): topic = f.name
            default: throw BuiltinError("help needs a name, such as help(\"sleep\")", argument: "topic")
            }
            do { call.write(try call.interpreter.helpText(topic, nil) + "\n") } catch let e as RuntimeError {
                throw BuiltinError(e.message, argument: "topic")
            }
            return .none
        })
        register(Builtin("sleep", category: "core", summary: "wait for a while (Ctrl-C stops it)",
                         help: "Waits for `duration`, checking every 10 ms whether Ctrl-C was pressed; if so the cell or script stops with 'interrupted'.",
                         parameters: [Parameter("duration", .time, help: "how long, such as 5s or 200ms")], example: "sleep(500ms)") { call in
            let seconds = try call.double("duration")
            guard seconds >= 0 else { throw BuiltinError("sleep needs a duration of 0s or more", argument: "duration") }
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                try call.checkInterrupt()
                Thread.sleep(forTimeInterval: min(0.01, max(0, end.timeIntervalSinceNow)))
            }
            try call.checkInterrupt()
            return .none
        })
    }

    private func registerTypeBuiltins() {
        register(Builtin("type", category: "core", summary: "the type of a value, as a string",
                         help: "Returns the type of a value: number, time, bytes, string, bool, none, list, record, range, table, function, or an object's type (space, architecture, …).",
                         parameters: [Parameter("value")], example: "type(20ms)   # \"time\"") { call in
            .string(call["value"].typeName)
        })
        register(Builtin("str", category: "core", summary: "a value as text",
                         help: "Returns the text `print` would show for a value: strings unchanged, numbers with their units.",
                         parameters: [Parameter("value")], example: "str(20ms) + \" per batch\"") { call in
            .string(call["value"].displayText)
        })
        register(Builtin("len", category: "core", summary: "the number of items in a list, string, record, range or table",
                         help: "Returns how many items a list, range or record has, how many characters a string has, or how many rows a table has.",
                         parameters: [Parameter("value")]) { call in
            switch call["value"] {
            case .list(let items): return .number(Double(items.count))
            case .range(let r): return .number(Double(r.count))
            case .string(let s): return .number(Double(s.count))
            case .record(let r): return .number(Double(r.count))
            case .table: return .number(Double(try call.table("value").count))
            default: throw BuiltinError("len needs a list, string, record, range or table, got \(call["value"].kindDescription)", argument: "value")
            }
        })
        register(Builtin("table", category: "tables", summary: "make a table from records or columns",
                         help: "Makes a table from a list of records (one row each; the columns are the union of their fields, missing ones are none) or from a record of equal-length lists (one column each).",
                         parameters: [Parameter("data", .any, help: "a list of records, or a record of lists")],
                         example: "t = table([{id: 1, acc: 91%}, {id: 2, acc: 94%}])\nt = table({id: [1, 2], acc: [91%, 94%]})") { call in
            .table(try call.table("data"))
        })
        register(Builtin("columns", category: "tables", summary: "the column names of a table",
                         help: "Returns the column names of a table as a list of strings (the same as t.columns).",
                         parameters: [Parameter("table", .table)]) { call in
            .list(try call.table("table").columns.map { .string($0) })
        })
        register(Builtin("keys", category: "core", summary: "the field names of a record",
                         help: "Returns the field names of a record, in order, as a list of strings.",
                         parameters: [Parameter("record", .record)]) { call in
            guard case .record(let r) = call["record"] else { return .none }
            return .list(r.keys.map { .string($0) })
        })
    }

    private func registerNumberBuiltins() {
        register(Builtin("round", category: "core", summary: "round a number to some digits",
                         help: "Rounds a number to `digits` digits after the point, in base units (seconds, bytes, fractions for percentages). The unit is kept.",
                         parameters: [Parameter("x", .number), Parameter("digits", .integer, default: .number(0))],
                         example: "round(3.14159, 2)   # 3.14") { call in
            let q = try call.quantity("x")
            let digits = try call.int("digits")
            guard (-15...15).contains(digits) else { throw BuiltinError("digits must be between -15 and 15", argument: "digits") }
            let scale = pow(10, Double(digits))
            let rounded = (q.value * scale).rounded() / scale
            return .number(Quantity(rounded.isFinite ? rounded : q.value, q.dimension, hint: q.hint))
        })
        register(Builtin("int", category: "core", summary: "a plain number with its fraction cut off",
                         help: "Cuts off the fraction of a plain number (toward zero), or reads a whole number from a string.",
                         parameters: [Parameter("x")]) { call in
            switch call["x"] {
            case .number(let q) where q.dimension == .scalar && q.value.isFinite: return .number(Quantity(q.value.rounded(.towardZero)))
            case .string(let s):
                guard let n = Int(s.trimmingCharacters(in: .whitespaces)) else { throw BuiltinError("'\(s)' is not a whole number", argument: "x") }
                return .number(Double(n))
            default: throw BuiltinError("int needs a plain number or a string, got \(call["x"].kindDescription)", argument: "x")
            }
        })
        register(Builtin("abs", category: "core", summary: "the absolute value of x",
                         help: "Returns the absolute value of a number, keeping its unit.", parameters: [Parameter("x", .number)]) { call in
            let q = try call.quantity("x")
            return .number(Quantity(Swift.abs(q.value), q.dimension, hint: q.hint))
        })
        let plainFunctions: [(String, String, String, String?, (Double) -> Double)] = [
            ("sqrt", "the square root of x", "Returns the square root of a plain number.", "x ≥ 0", { $0.squareRoot() }),
            ("log", "the natural logarithm of x", "Returns the natural (base e) logarithm of a plain number.", "x > 0", { Foundation.log($0) }),
            ("log2", "the base-2 logarithm of x", "Returns the base-2 logarithm of a plain number.", "x > 0", { Foundation.log2($0) }),
            ("log10", "the base-10 logarithm of x", "Returns the base-10 logarithm of a plain number.", "x > 0", { Foundation.log10($0) }),
            ("exp", "e to the power x", "Returns e raised to the power of a plain number.", nil, { Foundation.exp($0) }),
            ("floor", "x rounded down to a whole number", "Rounds a plain number down to the nearest whole number.", nil, { $0.rounded(.down) }),
            ("ceil", "x rounded up to a whole number", "Rounds a plain number up to the nearest whole number.", nil, { $0.rounded(.up) }),
        ]
        for (name, summary, help, domain, f) in plainFunctions {
            let fullHelp = help + (domain.map { " It needs \($0)." } ?? "") + " Numbers with a time or memory unit are refused."
            register(Builtin(name, category: "core", summary: summary, help: fullHelp,
                             parameters: [Parameter("x", .plainNumber)]) { call in
                let x = try call.double("x")
                return .number(Quantity(try finite(f(x), of: "\(name)(\(Quantity.formatNumber(x)))", needing: domain)))
            })
        }
        register(Builtin("min", category: "core", summary: "the smallest of some values or of a list",
                         help: "Returns the smallest of its arguments, or of the items of one list. Numbers must share a unit kind.",
                         variadic: Parameter("values"), example: "min(3ms, 1ms)   # 1ms\nmin([4, 2, 9])  # 2") { call in
            try extreme(call, wantSmallest: true)
        })
        register(Builtin("max", category: "core", summary: "the largest of some values or of a list",
                         help: "Returns the largest of its arguments, or of the items of one list. Numbers must share a unit kind.",
                         variadic: Parameter("values"), example: "max(acc_a, acc_b)") { call in
            try extreme(call, wantSmallest: false)
        })
        register(Builtin("sum", category: "core", summary: "the sum of a list of numbers",
                         help: "Adds up a list of numbers of one kind; the sum of an empty list is 0.",
                         parameters: [Parameter("values", .list)]) { call in
            let numbers = try quantities(call)
            let total = try numbers.dropFirst().reduce(numbers.first ?? Quantity(0), Quantity.adding)
            _ = try finite(total.value, of: "the sum of these numbers", needing: nil)
            return .number(total)
        })
        register(Builtin("mean", category: "core", summary: "the arithmetic mean of a list of numbers",
                         help: "Returns the mean of a non-empty list of numbers of one kind, keeping their unit.",
                         parameters: [Parameter("values", .list)]) { call in
            let numbers = try quantities(call)
            guard let first = numbers.first else { throw BuiltinError("mean of an empty list", argument: "values") }
            let total = try numbers.dropFirst().reduce(first, Quantity.adding)
            _ = try finite(total.value, of: "the sum of these numbers", needing: nil)
            return .number(Quantity(total.value / Double(numbers.count), first.dimension, hint: total.hint))
        })
        register(Builtin("std", category: "core", summary: "the sample standard deviation of a list of numbers",
                         help: "Returns the sample standard deviation (divisor n − 1) of at least two numbers of one kind, keeping their unit.",
                         parameters: [Parameter("values", .list)]) { call in
            let numbers = try quantities(call)
            guard numbers.count > 1, let first = numbers.first else { throw BuiltinError("std needs at least two numbers", argument: "values") }
            _ = try numbers.dropFirst().reduce(first, Quantity.adding)
            let values = numbers.map(\.value)
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            return .number(Quantity(try finite(variance.squareRoot(), of: "the standard deviation", needing: nil), first.dimension, hint: first.hint))
        })
    }

    private func registerListBuiltins() {
        register(Builtin("range", category: "core", summary: "a list of whole numbers, as in Python",
                         help: "range(n) is [0, 1, …, n-1]; range(a, b) is [a, …, b-1]; range(a, b, step) counts by step (which may be negative). For loops, `0..<n` and `a..b` (inclusive) are the same without building a list.",
                         parameters: [Parameter("start", .integer), Parameter("stop", .integer, default: Value.none), Parameter("step", .integer, default: .number(1))],
                         example: "range(0, 10, 2)   # [0, 2, 4, 6, 8]") { call in
            var start = try call.int("start")
            var stop = 0
            if call.isNone("stop") { stop = start; start = 0 } else { stop = try call.int("stop") }
            let step = try call.int("step")
            guard step != 0 else { throw BuiltinError("range's step cannot be 0", argument: "step") }
            let count = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
            guard count <= Interpreter.maxCollectionSize else { throw BuiltinError("range would hold \(count) numbers; the most is \(Interpreter.maxCollectionSize)") }
            return .list((0..<count).map { .number(Double(start + $0 * step)) })
        })
        register(Builtin("list", category: "core", summary: "the items of a range, string, record or table as a list",
                         help: "Turns a range into its numbers, a string into its characters, a record into its field names, a table into its rows (records).",
                         parameters: [Parameter("value")]) { call in
            let value = call["value"]
            switch value {
            case .list: return value
            case .range(let r):
                guard r.count <= Interpreter.maxCollectionSize else { throw BuiltinError("the range is too long to become a list", argument: "value") }
                return .list((0..<r.count).map { .number(Double(r.element($0))) })
            case .string(let s): return .list(s.map { .string(String($0)) })
            case .record(let r): return .list(r.keys.map { .string($0) })
            case .table: return .list(call.interpreter.rowRecords(try call.table("value")))
            default: throw BuiltinError("list needs a range, string, record or table, got \(value.kindDescription)", argument: "value")
            }
        })
        register(Builtin("append", category: "core", summary: "a new list with an item added at the end",
                         help: "Returns a copy of the list with `item` added at the end (lists are values: the original is unchanged, so write xs = append(xs, x)).",
                         parameters: [Parameter("list", .list), Parameter("item")]) { call in
            let items = try call.list("list")
            guard items.count < Interpreter.maxCollectionSize else { throw BuiltinError("the list is too long", argument: "list") }
            return .list(items + [call["item"]])
        })
        register(Builtin("sorted", category: "core", summary: "a list sorted (numbers of one kind, or strings)",
                         help: "Returns the items sorted from smallest to largest (or largest first with desc: true). Numbers must share a unit kind.",
                         parameters: [Parameter("values", .list), Parameter("desc", .bool, default: .bool(false), keywordOnly: true)]) { call in
            var failure: Error?
            let items = try call.list("values")
            let sorted = items.sorted { a, b in
                do { return try call.interpreter.binary(.less, a, b, .zero).isTrue } catch { failure = error; return false }
            }
            if let failure { throw BuiltinError(call.interpreter.describeError(failure), argument: "values") }
            return .list(try call.bool("desc") ? sorted.reversed() : sorted)
        })
        register(Builtin("reversed", category: "core", summary: "a list in reverse order",
                         help: "Returns the items in reverse order.", parameters: [Parameter("values", .list)]) { call in
            .list(try call.list("values").reversed())
        })
        register(Builtin("map", category: "core", summary: "apply a function to each item of a list",
                         help: "Returns the list of f(item) for each item.",
                         parameters: [Parameter("values", .list), Parameter("f", .function)],
                         example: "map([1, 2, 3], fn(x) { x * 2 })   # [2, 4, 6]") { call in
            .list(try call.list("values").map { try call.invoke(call["f"], [$0]) })
        })
        register(Builtin("filter", category: "core", summary: "the items of a list for which a function is true",
                         help: "Returns the items for which f(item) is true.",
                         parameters: [Parameter("values", .list), Parameter("f", .function)],
                         example: "filter(range(10), fn(x) { x > 6 })   # [7, 8, 9]") { call in
            try .list(call.list("values").filter { item in
                let keep = try call.invoke(call["f"], [item])
                guard case .bool(let b) = keep else { throw BuiltinError("filter's function must return true or false, got \(keep.kindDescription)", argument: "f") }
                return b
            })
        })
    }
}

private func extreme(_ call: BuiltinCall, wantSmallest: Bool) throws -> Value {
    var items = call.rest
    if items.count == 1, case .list(let inner) = items[0] { items = inner }
    if items.count == 1, case .range(let r) = items[0] {
        guard r.count > 0 else { throw BuiltinError("\(call.builtin.name) of an empty range") }
        return .number(Double(wantSmallest ? r.lower : r.element(r.count - 1)))
    }
    guard var best = items.first else { throw BuiltinError("\(call.builtin.name) needs at least one value") }
    do {
        for item in items.dropFirst() {
            let better = try call.interpreter.binary(wantSmallest ? .less : .greater, item, best, .zero).isTrue
            if better { best = item }
        }
    } catch {
        throw BuiltinError(call.interpreter.describeError(error))
    }
    return best
}

/// `result`, or an error (at the call) when a math builtin's result is not a finite number: outside
/// the function's `domain` (`sqrt(-1) is not a real number: sqrt needs x ≥ 0`), or an overflow.
private func finite(_ result: Double, of what: String, needing domain: String?) throws -> Double {
    if result.isFinite { return result }
    if result.isNaN {
        let need = domain.map { ": it needs \($0)" } ?? ""
        throw BuiltinError("\(what) is not a real number\(need)")
    }
    if let domain, result < 0 {
        throw BuiltinError("\(what) is minus infinity: it needs \(domain)")
    }
    throw BuiltinError("\(what) \(NumberLimits.overflowText)")
}

private func quantities(_ call: BuiltinCall) throws -> [Quantity] {
    try call.list("values").map { item in
        guard case .number(let q) = item else {
            throw BuiltinError("\(call.builtin.name) needs a list of numbers, but one item is \(item.kindDescription)", argument: "values")
        }
        return q
    }
}

extension Value {
    var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}
