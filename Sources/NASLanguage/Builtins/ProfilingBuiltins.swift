import NASCore
import NASHardware
import NASSpaces

/// Search-space profiling builtins: `profile_space` cuts a blockwise space down to the blocks of its best
/// single-substituted-block networks (Zeng et al.), and `ssbns` lists the networks it scored.
extension BuiltinRegistry {
    /// Registers the profiling builtins.
    func registerProfilingBuiltins() {
        register(Builtin("profile_space", category: "hardware", summary: "black-box search-space profiling: a smaller space of the blocks that score best on accuracy and latency",
                         help: """
                         Zeng et al.'s profiling of a blockwise space (basenet, fbnet): the specified network of each block \
                         type (that type at every position) and every network that changes one of its blocks (the SSBNs) are \
                         evaluated by `accuracy` (any evaluator: train(...) on a subset, a supernet, a benchmark table) and \
                         `latency` (any evaluator that reports latency: a measured device, a latency table); the device is a \
                         black box that only answers latencies. Each network costs \
                         weights.accuracy·(1 − accuracy/best accuracy) + weights.latency·latency/target (the slowest network's \
                         latency when no target is given), lower is better. The best `keep` share (or every network with cost \
                         at most `cutoff`) is kept, and each position of the returned space keeps the block types it has in \
                         some kept network. The result is a space like any other (its architectures are the parent's, under \
                         the parent's name, so the same evaluators and tables answer them): any strategy can search it. \
                         `show` prints what was kept; `ssbns(p)` lists the networks scored with their costs.
                         """,
                         parameters: [
                            Parameter("space", .object("space"), help: "a blockwise space: basenet() or fbnet()"),
                            Parameter("accuracy", .any, keywordOnly: true, help: "the evaluator of accuracy"),
                            Parameter("latency", .any, keywordOnly: true, help: "the evaluator of latency (seconds), or a latency table"),
                            Parameter("weights", .record, default: Value.none, keywordOnly: true, help: "{accuracy: 1, latency: 1}: the cost's weights"),
                            Parameter("target", .time, default: Value.none, keywordOnly: true, help: "the latency that the latency term divides by (like 2ms)"),
                            Parameter("keep", .plainNumber, default: .number(0.3), keywordOnly: true, help: "the share of networks kept, in (0, 1]"),
                            Parameter("cutoff", .plainNumber, default: Value.none, keywordOnly: true, help: "keep every network with cost at most this instead"),
                            Parameter("seed", .integer, default: .number(1), keywordOnly: true, help: "the seed each evaluation gets"),
                         ],
                         paper: "Zeng, Sun, Xing, Ning, Shan, Chen, Wang & Yang, Black Box Search Space Profiling for Accelerator-Aware Neural Architecture Search, ASP-DAC 2020",
                         example: "s = basenet(positions: 1)\nlat = latency_table(csv: \"basenet_ms.csv\", space: s)\np = profile_space(s, accuracy: train(dataset(\"digits\"), epochs: 1), latency: lat, target: 1ms, keep: 0.25)\nshow p\nssbns(p) | where kept") { call in
            guard let space = try call.space("space") as? any BlockwiseSpace else {
                throw BuiltinError("space must be a blockwise space (one block per position, like basenet() or fbnet())", argument: "space")
            }
            let profiler = try Self.profiler(call)
            let accuracy = try evaluatorArgument(call, "accuracy"), latency = try evaluatorArgument(call, "latency")
            let profiled = try call.blaming("space") {
                try profiler.profile(space, accuracy: accuracy, latency: latency, cancel: call.session.interrupt)
            }
            return .object(SpaceValue(profiled))
        })
        register(Builtin("ssbns", category: "hardware", summary: "the networks a search-space profile scored, best first",
                         help: "For a space from profile_space: one row per specified or single-substituted-block network, best (lowest cost) first: rank, arch, base (the specified network's block type), position (1-based, none for the specified network itself), block (the block put there), accuracy, latency, cost and kept.",
                         parameters: [Parameter("space", .object("space"), help: "a space returned by profile_space")],
                         example: "ssbns(p) | where kept") { call in
            guard let profiled = try call.space("space") as? ProfiledSpace else {
                throw BuiltinError("space must be a space returned by profile_space", argument: "space")
            }
            return .table(TableValue(Self.ssbnTable(profiled)))
        })
    }

    /// The profiler of the call's weights, target and threshold.
    private static func profiler(_ call: BuiltinCall) throws -> SearchSpaceProfiler {
        var weights = (accuracy: 1.0, latency: 1.0)
        if case .record(let record) = call["weights"] {
            for (key, value) in record.fields {
                guard case .number(let q) = value, q.dimension == .scalar else {
                    throw BuiltinError("weights.\(key) must be a plain number, got \(value.kindDescription)", argument: "weights")
                }
                switch key {
                case "accuracy": weights.accuracy = q.value
                case "latency": weights.latency = q.value
                default: throw BuiltinError("weights has the fields accuracy and latency, not '\(key)'", argument: "weights")
                }
            }
        }
        let threshold: ProfilingThreshold = call.isNone("cutoff") ? .fraction(try call.double("keep")) : .cost(try call.double("cutoff"))
        return try SearchSpaceProfiler(accuracyWeight: weights.accuracy, latencyWeight: weights.latency,
                                       latencyTarget: call.isNone("target") ? nil : try call.double("target"),
                                       threshold: threshold, seed: try call.seed())
    }

    /// The profile's networks as rows, best first.
    private static func ssbnTable(_ space: ProfiledSpace) -> Table {
        let columns = ["rank", "arch", "base", "position", "block", "accuracy", "latency", "cost", "kept"]
        let rows: [[Cell]] = space.ranking.enumerated().map { i, n in
            [.number(.scalar(Double(i + 1))), .string(space.parent.canonical(n.architecture)), .string(n.base),
             n.position.map { .number(.scalar(Double($0 + 1))) } ?? .null, n.block.map { .string($0) } ?? .null,
             n.accuracy.map { .number(.scalar($0)) } ?? .null, n.latency.map { .number(.seconds($0)) } ?? .null,
             n.cost.isFinite ? .number(.scalar(n.cost)) : .null, .bool(n.kept)]
        }
        return Table(columns: columns, rows: rows)
    }
}
