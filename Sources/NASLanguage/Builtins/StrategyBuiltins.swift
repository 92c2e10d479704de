import Foundation
import NASCore
import NASSearch

/// Builtins that make search strategies and objectives (one builtin per entry of the strategy registry).
extension BuiltinRegistry {
    /// Registers the strategy and objective builtins.
    func registerStrategyBuiltins() {
        for entry in StrategyRegistry.entries { register(strategyBuiltin(entry)) }
        registerObjectiveBuiltins()
    }

    /// A launch line that works for the strategy: a table for black-box strategies, a short training
    /// recipe for one-shot ones (the elastic `ofa` space for once-for-all), two objectives for NSGA-II.
    private static func launchExample(_ entry: StrategyEntry) -> String {
        let table = "nb201(dataset: \"cifar10\")"
        switch entry.name {
        case "once_for_all":
            return "r = launch(s, on: ofa(low: 32, high: 32), using: train(dataset(\"digits\", train: 100, valid: 100, test: 100), epochs: 4, batch: 50), budget: 4)"
        case "nsga2":
            return "r = launch(s, on: nb201(), using: [\(table), latency(\"pixel3\")], budget: 200, seed: 1,\n"
                + "           objective: [maximize(\"accuracy\"), minimize(\"latency\")])"
        default:
            guard entry.isOneShot else { return "r = launch(s, on: nb201(), using: \(table), budget: 50, seed: 1)" }
            return "r = launch(s, on: nb201(channels: 8, cells: 1), using: train(dataset(\"digits\"), epochs: 2, batch: 64), budget: 2, seed: 1)"
        }
    }

    /// A builtin that returns the strategy with the given settings; the registry checks them.
    private func strategyBuiltin(_ entry: StrategyEntry) -> Builtin {
        let parameters = entry.parameters.map { p in
            Parameter(p.name, p.isInteger ? .integer : .plainNumber, default: .number(p.defaultValue), help: p.help)
        }
        let example = "s = \(entry.name)(\(entry.parameters.prefix(2).map { "\($0.name): \(StrategyValue.plain($0.defaultValue))" }.joined(separator: ", ")))\n"
            + Self.launchExample(entry)
        return Builtin(entry.name, category: "search strategies", summary: entry.summary,
                       help: entry.help + " Returns a strategy value; launch() builds the strategy for the run's space and seed.",
                       parameters: parameters, paper: entry.paper, example: example) { call in
            var given: [String: Double] = [:]
            for name in call.given { given[name] = try call.double(name) }
            do { return .object(try StrategyValue(name: entry.name, given: given)) } catch let error as StrategyError {
                throw BuiltinError(error.message)
            }
        }
    }

    private func registerObjectiveBuiltins() {
        register(Builtin("maximize", category: "search strategies", summary: "an objective: maximise a metric",
                         help: "Returns the objective of making `metric` as large as possible (validation `accuracy` by default), optionally under hard constraints such as \"latency < 20ms\" (see launch). Pass it to launch(…, objective: …).",
                         parameters: [Parameter("metric", .string, default: .string("accuracy"), help: "the metric's name"),
                                      Parameter("constraints", .list, default: .list([]), keywordOnly: true, help: "hard bounds: strings like \"latency < 20ms\" or records {metric:, op:, value:}")],
                         example: "maximize(\"accuracy\", constraints: [\"latency < 20ms\"])") { call in
            .object(ObjectiveValue(.maximize(try call.string("metric"), constraints: try constraints(call, "constraints"))))
        })
        register(Builtin("minimize", category: "search strategies", summary: "an objective: minimise a metric",
                         help: "Returns the objective of making `metric` as small as possible (latency, params, loss), optionally under hard constraints.",
                         parameters: [Parameter("metric", .string, help: "the metric's name"),
                                      Parameter("constraints", .list, default: .list([]), keywordOnly: true, help: "hard bounds, as for maximize")],
                         example: "minimize(\"latency\", constraints: [\"accuracy > 90%\"])") { call in
            .object(ObjectiveValue(.minimize(try call.string("metric"), constraints: try constraints(call, "constraints"))))
        })
        register(Builtin("mnasnet_reward", category: "search strategies", summary: "the MnasNet accuracy–latency reward ACC·(LAT/T)^w",
                         help: "Returns the objective of maximising ACC(m)·(LAT(m)/T)^w, with w = alpha when the latency is at most the target T and w = beta above it. The soft reward (the default) uses alpha = beta = w = -0.07: every 2× latency costs about 5% of reward, so the search trades accuracy for speed smoothly. With hard: true, alpha = 0 and beta = -1: accuracy alone counts under the target, and the reward falls steeply over it. The latency can come from any source the evaluator reports (measured, a table, a predictor).",
                         parameters: [Parameter("target", .time, help: "the latency target T, such as 20ms"),
                                      Parameter("w", .plainNumber, default: .number(-0.07), help: "the soft exponent (alpha = beta = w)"),
                                      Parameter("hard", .bool, default: .bool(false), help: "the hard reward: alpha = 0, beta = -1"),
                                      Parameter("accuracy", .string, default: .string("accuracy"), keywordOnly: true, help: "the accuracy metric's name"),
                                      Parameter("latency", .string, default: .string("latency"), keywordOnly: true, help: "the latency metric's name"),
                                      Parameter("constraints", .list, default: .list([]), keywordOnly: true, help: "hard bounds, as for maximize")],
                         paper: "Tan et al., MnasNet: Platform-Aware Neural Architecture Search for Mobile, CVPR 2019",
                         example: "soft = mnasnet_reward(target: 20ms)\nhard = mnasnet_reward(target: 20ms, hard: true)") { call in
            let target = try call.double("target")
            guard target > 0 else { throw BuiltinError("the latency target must be above 0s", argument: "target") }
            let w = try call.double("w")
            let accuracy = try call.string("accuracy"), latency = try call.string("latency")
            let reward = try call.bool("hard")
                ? MnasNetReward(target: target, alpha: 0, beta: -1, accuracyMetric: accuracy, latencyMetric: latency)
                : MnasNetReward(target: target, alpha: w, beta: w, accuracyMetric: accuracy, latencyMetric: latency)
            return .object(ObjectiveValue(Objective(.mnasnet(reward), constraints: try constraints(call, "constraints"))))
        })
    }
}

/// The constraints of a list argument: strings `"latency < 20ms"` or records `{metric:, op:, value:}`.
func constraints(_ call: BuiltinCall, _ name: String) throws -> [Constraint] {
    try call.list(name).map { item in
        switch item {
        case .string(let text): return try parseConstraint(text, argument: name)
        case .record(let r):
            guard case .string(let metric)? = r["metric"], case .string(let op)? = r["op"], case .number(let bound)? = r["value"] else {
                throw BuiltinError("a constraint record needs metric (a string), op (\"<\", \"<=\", \">\" or \">=\") and value (a number)", argument: name)
            }
            return try makeConstraint(metric, op, bound.value, text: "\(metric) \(op) \(bound)", argument: name)
        default:
            throw BuiltinError("each constraint is a string like \"latency < 20ms\" or a record {metric:, op:, value:}, got \(item.kindDescription)", argument: name)
        }
    }
}

/// Reads `metric OP number[unit]`, such as `latency < 20ms` or `params <= 1.5M`.
func parseConstraint(_ text: String, argument: String) throws -> Constraint {
    let usage = "a constraint reads 'metric < number' with <, <=, > or >= (like \"latency < 20ms\")"
    let operators = ["<=", ">=", "<", ">"]
    guard let op = operators.first(where: { text.contains($0) }), let range = text.range(of: op) else {
        throw BuiltinError("'\(text)': \(usage)", argument: argument)
    }
    let metric = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
    let boundText = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
    let digits = boundText.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" }
    guard !metric.isEmpty, let number = Double(digits),
          let bound = UnitSuffix.quantity(number, suffix: String(boundText.dropFirst(digits.count))) else {
        throw BuiltinError("'\(text)': \(usage)", argument: argument)
    }
    return try makeConstraint(metric, op, bound.value, text: text, argument: argument)
}

private func makeConstraint(_ metric: String, _ op: String, _ bound: Double, text: String, argument: String) throws -> Constraint {
    guard let comparison = Constraint.Comparison(rawValue: op) else {
        throw BuiltinError("'\(op)' in '\(text)' is not one of <, <=, >, >=", argument: argument)
    }
    return Constraint(metric, comparison, bound)
}
