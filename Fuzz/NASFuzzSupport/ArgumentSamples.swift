import NASLanguage

/// Plausible source text for a builtin's arguments: small, valid values that let a generated
/// call get past argument checking and into the engine (small budgets, NB201 tables, tiny data).
public enum ArgumentSamples {
    /// Values for parameters by name, where the kind alone would give a poor value.
    static let byName: [String: String] = [
        "budget": "5", "seeds": "2", "epochs": "1", "text": "6111", "index": "6111", "device": "\"raspi4\"",
        "path": "\"t.csv\"", "csv": "\"t.csv\"", "metrics": "[\"accuracy\"]", "metric": "\"accuracy\"",
        "objective": "\"accuracy\"", "strategy": "random()", "on": "nb201()", "using": "nb201(dataset: \"cifar10\")",
        "evaluator": "nb201(dataset: \"cifar10\")", "constraints": "[\"params < 1M\"]", "query": "\"select * from runs\"",
        "units": "{latency: \"ms\"}", "shape": "[1, 8, 8]", "input": "[3, 32, 32]", "limit": "1000",
    ]

    /// Values for parameters of one builtin (`builtin.parameter`), where the name is ambiguous.
    static let byBuiltin: [String: String] = [
        "dataset.name": "\"digits\"", "table.data": "[{a: 1, b: 2}, {a: 3, b: 1}]", "bench_table.name": "\"nb201\"",
        "train.batch": "32", "latency.batch": "1", "dataset.train": "200", "dataset.valid": "50", "dataset.test": "50",
    ]

    /// Values for domain objects, by type name.
    static let byObject: [String: String] = [
        "space": "nb201()", "architecture": "arch(nb201(), 6111)", "dataset": "dataset(\"digits\", train: 200, valid: 50, test: 50)",
        "run": "launch(random(), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 5, seed: 1)",
        "spec": "choice(\"op\", [\"conv3x3\", \"max_pool_3x3\"])", "strategy": "random()",
    ]

    /// Source text for an argument of `parameter` of `builtin`.
    public static func text(for parameter: Parameter, of builtin: Builtin) -> String {
        if let value = byBuiltin["\(builtin.name).\(parameter.name)"] ?? byName[parameter.name] { return value }
        switch parameter.kind {
        case .any, .number: return "1"
        case .plainNumber: return "0.5"
        case .integer: return "2"
        case .time: return "20ms"
        case .bytes: return "64MB"
        case .string: return quotedWords(in: parameter.help).first ?? "\"x\""
        case .bool: return "true"
        case .list: return "[1, 2]"
        case .record: return "{a: 1}"
        case .table: return "table([{a: 1, b: 2}, {a: 3, b: 1}])"
        case .function: return "fn(x) { x }"
        case .object(let name): return byObject[name] ?? "none"
        }
    }

    /// The default of an optional parameter as source text, or nil when it has none (or `none`).
    public static func defaultText(of parameter: Parameter) -> String? {
        guard parameter.defaultValue != nil, let range = parameter.signatureText.range(of: " = ") else { return nil }
        let text = String(parameter.signatureText[range.upperBound...])
        return text == "none" ? nil : text
    }

    /// The double-quoted words of a help text, quotes included: `"cifar10"`, `"adam"`.
    public static func quotedWords(in text: String) -> [String] {
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count - 1, by: 2).map { "\"\(parts[$0])\"" }.filter { $0.count <= 40 }
    }
}
