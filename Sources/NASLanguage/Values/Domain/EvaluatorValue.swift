import NASBenchmarks
import NASSpaces

/// An evaluator (a tabular benchmark, a latency table, a user's table) as a language value.
public struct EvaluatorValue: DomainValue {
    /// The wrapped evaluator.
    public let evaluator: any Evaluator
    /// The space it evaluates, when it is tied to one (the language checks architectures against it).
    public let space: (any SearchSpace)?

    /// Wraps an evaluator.
    public init(_ evaluator: any Evaluator, space: (any SearchSpace)? = nil) {
        self.evaluator = evaluator
        self.space = space
    }

    /// The type name the user sees.
    public var typeName: String { "evaluator" }

    /// Its descriptor, such as `nb201(dataset: cifar10, epochs: 200, metric: valid, trial: mean)`.
    public var summary: String { "evaluator \(evaluator.descriptor)" }

    /// The field names, for completion and messages.
    public var memberNames: [String] {
        ["descriptor", "spaces", "max_epochs"] + (evaluator is BenchmarkTable ? ["rows"] : [])
    }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "descriptor": return .string(evaluator.descriptor)
        case "spaces": return .list(evaluator.supportedSpaces.sorted().map { .string($0) })
        case "max_epochs": return evaluator.maxEpochs.map { .number(Double($0)) } ?? Value.none
        case "rows": return (evaluator as? BenchmarkTable).map { .table($0.table()) }
        default: return nil
        }
    }
}
