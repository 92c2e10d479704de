import NASCore
import NASEngine
import NASSpaces

/// What a space and an architecture answer: size, sampling, enumeration, mutation, crossover,
/// neighbours, encodings, parsing, identity, Graphviz text and the cost model.
extension BuiltinRegistry {
    /// Registers the operations on spaces and architectures.
    func registerArchitectureBuiltins() {
        registerSpaceQueries()
        registerVariation()
        registerArchitectureText()
        registerCostBuiltins()
    }

    private static var spaceParameter: Parameter { Parameter("space", .object("space"), help: "a search space, such as nb201()") }
    private static var archParameter: Parameter { Parameter("a", .object("architecture"), help: "an architecture") }
    private static var seedParameter: Parameter { Parameter("seed", .integer, default: .number(0), help: "random seed (same seed, same result)") }

    private func registerSpaceQueries() {
        register(Builtin("size", category: "spaces", summary: "the exact number of architectures in a space",
                         help: "The exact number of distinct architectures, respecting the space's constraints (a node's two inputs differ, layers beyond the chosen depth do not count). Up to 2^53 it is a plain number; larger sizes are a `count` that prints every digit, with `.value` (approximate number), `.digits` and `.log10`.",
                         parameters: [Self.spaceParameter], example: "size(nb201())        # 15625\nsize(ofa()).log10    # about 20.7: 2.2×10^19 sub-networks at each of 25 resolutions") { call in
            SpaceValue.count(try call.space("space").size)
        })
        register(Builtin("sample", category: "spaces", summary: "a uniformly random architecture (or n of them)",
                         help: "A uniformly random member of the space, drawn with `seed`; with `n`, a list of n independent samples from the same seeded stream.",
                         parameters: [Self.spaceParameter, Self.seedParameter,
                                      Parameter("n", .integer, default: Value.none, keywordOnly: true, help: "how many (default: one, not a list)")],
                         example: "a = sample(nb201(), seed: 3)\nsample(nb201(), seed: 1, n: 5)") { call in
            let space = try call.space("space")
            var rng = try call.rng()
            guard let n = try call.optionalInt("n") else { return .object(ArchitectureValue(space: space, space.sample(using: &rng))) }
            guard (0...100_000).contains(n) else { throw BuiltinError("n must be between 0 and 100,000, got \(n)", argument: "n") }
            return .list((0..<n).map { _ in .object(ArchitectureValue(space: space, space.sample(using: &rng))) })
        })
        register(Builtin("enumerate", category: "spaces", summary: "every architecture of a small space, as a list or a table",
                         help: "Every member of a space that has at most `limit` of them, in token order. With `table: true` the result is a table with columns arch (canonical form) and identity (equal for isomorphic architectures), plus index for nb201, ready for pipelines: `enumerate(nb201(), table: true) | group by identity summarize n: count()` counts the unique cells.",
                         parameters: [Self.spaceParameter,
                                      Parameter("limit", .integer, default: .number(100_000), keywordOnly: true, help: "refuse spaces larger than this"),
                                      Parameter("table", .bool, default: .bool(false), keywordOnly: true, help: "a table instead of a list")],
                         example: "len(enumerate(nb201()))   # 15625") { call in
            let space = try call.space("space")
            let limit = try call.int("limit")
            guard (1...2_000_000).contains(limit) else {
                throw BuiltinError("limit must be between 1 and 2,000,000 (a list that long is what memory allows), got \(limit)", argument: "limit")
            }
            let members = try call.blaming("limit") { try space.enumerate(limit: limit) }
            guard try call.bool("table") else { return .list(members.map { .object(ArchitectureValue(space: space, $0)) }) }
            return .table(Self.memberTable(members, of: space))
        })
        register(Builtin("decisions", category: "spaces", summary: "the decisions of a space as a table (name, options, count)",
                         help: "One row per categorical decision of the space, in token order: its name, its option labels joined by commas, and how many options it has.",
                         parameters: [Self.spaceParameter], example: "decisions(nb201())") { call in
            let rows = try call.space("space").offeredDecisions.map { d -> [Cell] in
                [.string(d.name), .string(d.options.joined(separator: ", ")), .number(Quantity(Double(d.count)))]
            }
            return .table(Table(columns: ["decision", "options", "count"], rows: rows))
        })
    }

    static func memberTable(_ members: [Architecture], of space: any SearchSpace) -> Table {
        let nb201 = space as? NB201Space
        let columns = (nb201 == nil ? [] : ["index"]) + ["arch", "identity"]
        let rows = members.map { a -> [Cell] in
            let head: [Cell] = nb201.map { [.number(Quantity(Double($0.index(of: a))))] } ?? []
            return head + [.string(space.canonical(a)), .string(space.identity(a))]
        }
        return Table(columns: columns, rows: rows)
    }

    private func registerVariation() {
        register(Builtin("mutate", category: "spaces", summary: "a local mutation of an architecture (neuro-evolution)",
                         help: "One local change, as in regularised evolution: one op or hyperparameter changed, a layer added or removed where the space has depth, an input (skip) changed in cell spaces. Always a valid member different from `a` when the space allows one.",
                         parameters: [Self.archParameter, Self.seedParameter],
                         paper: "Real et al., Regularized Evolution for Image Classifier Architecture Search, AAAI 2019",
                         example: "mutate(sample(nb201(), seed: 1), seed: 2)") { call in
            let a = try call.architecture("a")
            var rng = try call.rng()
            return .object(ArchitectureValue(space: a.space, a.space.mutate(a.architecture, using: &rng)))
        })
        register(Builtin("crossover", category: "spaces", summary: "a child taking each part from one of two parents",
                         help: "Uniform crossover: the child takes each decision (each group of coupled decisions) from one of the two parents at random. Both parents must belong to the same space.",
                         parameters: [Self.archParameter, Parameter("b", .object("architecture"), help: "the other parent"), Self.seedParameter],
                         example: "crossover(sample(nb201(), seed: 1), sample(nb201(), seed: 2), seed: 3)") { call in
            let a = try call.architecture("a"), b = try call.architecture("b")
            guard a.architecture.space == b.architecture.space else {
                throw BuiltinError("crossover needs two parents of the same space; b is from \(b.architecture.space), a from \(a.architecture.space)", argument: "b")
            }
            var rng = try call.rng()
            return .object(ArchitectureValue(space: a.space, a.space.crossover(a.architecture, b.architecture, using: &rng)))
        })
        register(Builtin("neighbors", category: "spaces", summary: "every architecture one local change away",
                         help: "All architectures one local change away from `a` (for NB201, the 24 cells that differ on one edge), as used by local search.",
                         parameters: [Self.archParameter],
                         paper: "White et al., Local Search is State of the Art for NAS Benchmarks, 2020",
                         example: "len(neighbors(sample(nb201(), seed: 1)))   # 24") { call in
            let a = try call.architecture("a")
            return .list(a.space.neighbors(a.architecture).map { .object(ArchitectureValue(space: a.space, $0)) })
        })
    }

    private func registerArchitectureText() {
        register(Builtin("arch", category: "spaces", summary: "an architecture of a space from its text (or nb201 index)",
                         help: "Reads an architecture from its canonical text form (what `str(a)` prints), or for nb201 from its official benchmark index. A malformed text is reported with the part that is wrong.",
                         parameters: [Self.spaceParameter, Parameter("text", .any, help: "the canonical text, or an nb201 index")],
                         example: "a = arch(nb201(), \"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|\")\na.index   # 6111") { call in
            let space = try call.space("space")
            switch call["text"] {
            case .string(let text):
                return .object(ArchitectureValue(space: space, try call.blaming("text") { try SpaceCatalogue.parse(text, in: space) }))
            case .number:
                guard let nb201 = space as? NB201Space else {
                    throw BuiltinError("only nb201 architectures have an index; give the \(space.name) architecture as text", argument: "text")
                }
                let index = try call.int("text")
                return .object(ArchitectureValue(space: space, try call.blaming("text") { try nb201.architecture(atIndex: index) }))
            default:
                throw BuiltinError("text must be a string (or an nb201 index), got \(call["text"].kindDescription)", argument: "text")
            }
        })
        register(Builtin("identity", category: "spaces", summary: "a key equal for isomorphic architectures",
                         help: "A string that is the same for architectures that compute the same function up to graph isomorphism (NB201: 15,625 cells have 6,466 identities; DARTS cells: the two inputs of a node are unordered). Spaces without isomorphs use the canonical form.",
                         parameters: [Self.archParameter], example: "identity(a) == identity(b)") { call in
            let a = try call.architecture("a")
            return .string(a.space.identity(a.architecture))
        })
        register(Builtin("encode", category: "spaces", summary: "an architecture as a numeric vector (onehot, adjacency, path)",
                         help: "The vector encodings predictors and Bayesian optimisation use: \"onehot\" (one block per decision, every space), \"adjacency\" (the cell's flattened adjacency matrix then op one-hots) and \"path\" (one indicator per input-to-output path of ops, BANANAS) where the space offers them.",
                         parameters: [Self.archParameter, Parameter("as", .string, default: .string("onehot"), help: "\"onehot\", \"adjacency\" or \"path\"")],
                         paper: "White et al., BANANAS: Bayesian Optimization with Neural Architectures for NAS, AAAI 2021",
                         example: "len(encode(a, as: \"path\"))") { call in
            let a = try call.architecture("a")
            let name = try call.string("as")
            guard let encoding = ArchitectureEncoding(rawValue: name.lowercased()) else {
                let names = ArchitectureEncoding.allCases.map(\.rawValue)
                throw BuiltinError("there is no encoding '\(name)'\(Spelling.didYouMean(name, among: names)) (the encodings are \(names.joined(separator: ", ")))", argument: "as")
            }
            let vector = try call.blaming("as") { try a.space.encode(a.architecture, as: encoding) }
            return .list(vector.map { .number($0) })
        })
        register(Builtin("dot", category: "spaces", summary: "Graphviz dot text of an architecture's graph",
                         help: "The architecture's graph as Graphviz `dot` text (cells for cell spaces, the decoded network otherwise). Save it and run `dot -Tsvg` to draw it.",
                         parameters: [Self.archParameter], example: "print(dot(sample(nb201(), seed: 1)))") { call in
            let a = try call.architecture("a")
            return .string(a.space.dot(a.architecture))
        })
    }

    private func registerCostBuiltins() {
        let shapeParameters = [
            Parameter("input", .list, default: Value.none, help: "[channels, height, width] (default: the space's own, e.g. [3, 32, 32] for nb201)"),
            Parameter("classes", .integer, default: Value.none, help: "output classes (default: the space's own)"),
        ]
        register(Builtin("cost", category: "spaces", summary: "params, MACs, FLOPs and peak activation memory of an architecture",
                         help: "Decodes the architecture into a layer-level network for the input shape and class count, and returns a record: params (count), macs (multiply-accumulates), flops (= 2·MACs) and memory (peak activation bytes at batch 1, float32). A stride that shrinks the input below 1×1 is reported.",
                         parameters: [Self.archParameter] + shapeParameters,
                         example: "cost(mobilenetv2()).macs   # about 300M\ncost(a, input: [3, 16, 16], classes: 120)") { call in
            let (a, input, classes) = try Self.costArguments(call)
            let cost = try call.blaming("input") { try a.space.cost(a.architecture, input: input, classes: classes) }
            return .record(ArchitectureValue.costRecord(cost))
        })
        register(Builtin("layers", category: "spaces", summary: "the per-layer table (layer, op, output shape, params, MACs)",
                         help: "The decoded network, one row per layer: its name, op, output shape, parameters and MACs. A table, so pipelines apply: `layers(a) | sort macs desc | take 5`.",
                         parameters: [Self.archParameter] + shapeParameters,
                         example: "layers(mobilenetv2()) | sort macs desc | take 5") { call in
            let (a, input, classes) = try Self.costArguments(call)
            return .table(try call.blaming("input") { try a.space.layers(a.architecture, input: input, classes: classes) })
        })
    }

    private static func costArguments(_ call: BuiltinCall) throws -> (ArchitectureValue, TensorShape?, Int?) {
        let a = try call.architecture("a")
        let input = try call.shape("input")
        let classes = try call.optionalInt("classes")
        if let classes, classes < 1 { throw BuiltinError("classes must be at least 1, got \(classes)", argument: "classes") }
        return (a, input, classes)
    }
}
