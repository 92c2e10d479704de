import NASCore
import NASEngine
import NASSpaces

/// The chain and hierarchical spaces, and the primitives a user composes a space from:
/// `choice`, `alternatives`, `repeat`, `inputs`, `dag`, `skeleton`, `stack`, then `space(name, spec)`.
extension BuiltinRegistry {
    /// Registers the composed spaces and the composition primitives.
    func registerCompositionBuiltins() {
        registerChainAndHierarchical()
        registerPrimitives()
        registerSpaceFromSpec()
    }

    private func registerChainAndHierarchical() {
        register(Builtin("chain", category: "spaces", summary: "a chain of layers, optionally with skips (MetaQNN, ResNet, DenseNet)",
                         help: "The simplest space: a depth within `depth` and, per layer, a stride, an op (convolution or pooling) and a width for convolutions. `skips` adds inputs from earlier layers: \"chosen\" (one yes/no decision per earlier layer), \"resnet\" ({i-1, i-2}, merged by add) or \"densenet\" ({0..i-1}, merged by concat). Mutations add or remove a layer, change an op or width, and add or drop a skip.",
                         parameters: [
                            Parameter("depth", .list, default: .range(RangeValue(lower: 1, upper: 6, inclusive: true)), help: "range of layer counts, such as 1..6"),
                            Parameter("ops", .list, default: Value.none, help: "layer op names (default conv1x1, conv3x3, conv5x5, max_pool_3x3, avg_pool_3x3)"),
                            Parameter("widths", .list, default: .list([16, 32, 64, 128].map { .number(Double($0)) }), help: "output channels for convolutions"),
                            Parameter("strides", .list, default: .list([.number(1), .number(2)]), help: "strides per layer"),
                            Parameter("skips", .string, default: .string("none"), help: "\"none\", \"chosen\", \"resnet\" or \"densenet\""),
                            Parameter("merge", .string, default: Value.none, keywordOnly: true, help: "\"add\" or \"concat\" (default: add for resnet, concat otherwise)"),
                         ],
                         paper: "Baker et al., MetaQNN, ICLR 2017; He et al., ResNet, CVPR 2016; Huang et al., DenseNet, CVPR 2017",
                         example: "c = chain(depth: 2..4, skips: \"resnet\")\nsize(c)\nshow sample(c, seed: 1)") { call in
            let depth = try Self.depthRange(call, "depth")
            let ops = call.isNone("ops") ? nil : try call.strings("ops")
            let widths = try Self.positiveInts(call, "widths"), strides = try Self.positiveInts(call, "strides")
            let space = try call.blaming("skips") {
                try SpaceCatalogue.chain(depth: depth, operations: ops, widths: widths, strides: strides,
                                       skips: try call.string("skips"), merge: try call.optionalString("merge"))
            }
            return .object(SpaceValue(space))
        })
        register(Builtin("hierarchical", category: "spaces", summary: "Liu et al.'s hierarchical space: motifs built from motifs",
                         help: "Level 1: six primitives (1×1 conv, 3×3 depthwise conv, 3×3 separable conv, 3×3 max and average pooling, identity). Level 2: `motifs` DAGs of 4 nodes whose edges carry a primitive or nothing. Level 3: a DAG of 5 nodes whose edges carry a level-2 motif or nothing. Every node keeps at least one input. Decoded in the paper's small CIFAR network.",
                         parameters: [Parameter("motifs", .integer, default: .number(6), help: "number of level-2 motifs"),
                                      Parameter("channels", .integer, default: .number(16), help: "channels of the first cell")],
                         paper: "Liu et al., Hierarchical Representations for Efficient Architecture Search, ICLR 2018",
                         example: "h = hierarchical()\nsize(h)\ncost(sample(h, seed: 1))") { call in
            let space = try call.blaming("motifs") { try SpaceCatalogue.hierarchical(motifs: try call.int("motifs"), channels: try call.int("channels")) }
            return .object(SpaceValue(space))
        })
    }

    private func registerPrimitives() {
        register(Builtin("choice", category: "space composition", summary: "a spec: one decision among op names or values",
                         help: "One categorical decision. Named `width` (or `channels`) it sets the output channels of the ops that follow; named `stride` it sets the next op's stride; otherwise its options are op names (conv3x3, sep_conv_5x5, max_pool_3x3, skip_connect, mbconv_e6_k5, …) applied in turn.",
                         parameters: [Parameter("name", .string, help: "the decision's name"), Parameter("options", .list, help: "op names or numbers")],
                         example: "choice(\"op\", [\"conv3x3\", \"sep_conv_3x3\", \"max_pool_3x3\"])") { call in
            .object(SpecValue(.choice(try call.string("name"), try Self.labels(call, "options"))))
        })
        register(Builtin("alternatives", category: "space composition", summary: "a spec: labelled branches, each with its own decisions",
                         help: "A decision among labelled branches; each branch has its own further spec (or none). A label that is an op name is applied after its branch, so `{conv3x3: choice(\"width\", [16, 32]), max_pool_3x3: none}` chooses a width only for the convolution.",
                         parameters: [Parameter("name", .string, help: "the decision's name"), Parameter("branches", .record, help: "label → spec or none")],
                         example: "alternatives(\"op\", {conv3x3: choice(\"width\", [16, 32]), max_pool_3x3: none})") { call in
            guard case .record(let record) = call["branches"], record.count > 0 else {
                throw BuiltinError("branches must be a record of at least one label → spec (or none)", argument: "branches")
            }
            let branches = try record.fields.map { field -> SpaceAlternative in
                SpaceAlternative(field.key, try Self.spec(field.value, argument: "branches", allowNone: true))
            }
            return .object(SpecValue(.alternatives(try call.string("name"), branches)))
        })
        register(Builtin("repeat", category: "space composition", summary: "a spec: its body repeated a chosen number of times",
                         help: "The body repeated a searched number of times within `depth` (a range such as 1..6): a depth decision plus the body's decisions for every possible repetition. Repetitions beyond the chosen depth do not count.",
                         parameters: [Parameter("name", .string, help: "the depth decision's name"), Parameter("depth", .list, help: "range of repetitions, such as 1..4"),
                                      Parameter("body", .object("spec"), help: "the spec of one repetition")],
                         example: "repeat(\"layer\", 1..4, choice(\"op\", [\"conv3x3\", \"max_pool_3x3\"]))") { call in
            let depth = try Self.depthRange(call, "depth")
            return .object(SpecValue(.repeat(try call.string("name"), depth, try call.object("body", as: SpecValue.self).spec)))
        })
        register(Builtin("inputs", category: "space composition", summary: "a spec: which earlier outputs feed a repetition",
                         help: "Inside a repeat: the earlier outputs this repetition reads besides its predecessor. \"chosen\": one yes/no decision per earlier output; \"resnet\": {i-1, i-2}; \"densenet\": {0..i-1}; \"none\": only the predecessor. Inputs merge by \"add\" (1×1 projections where shapes differ) or \"concat\".",
                         parameters: [Parameter("name", .string, help: "the decision's name"), Parameter("pattern", .string, default: .string("chosen"), help: "\"chosen\", \"resnet\", \"densenet\" or \"none\""),
                                      Parameter("merge", .string, default: .string("concat"), help: "\"add\" or \"concat\"")],
                         example: "repeat(\"layer\", 2..5, stack(inputs(\"in\", \"densenet\"), choice(\"op\", [\"conv3x3\"])))") { call in
            let (pattern, merge) = try call.blaming("pattern") {
                (try SpaceCatalogue.inputPattern(try call.string("pattern")), try SpaceCatalogue.inputMerge(try call.string("merge")))
            }
            return .object(SpecValue(.inputs(try call.string("name"), pattern, merge)))
        })
        register(Builtin("dag", category: "space composition", summary: "a spec: a DAG cell, NASNet-style (two chosen inputs per node) or fixed (NB201-style)",
                         help: "A cell inside a composed space; node 0 is the cell's input and `nodes` counts the nodes after it. With `edges: \"chosen\"` (NASNet, DARTS) each node sums two ops (from `ops`) applied to two chosen earlier nodes. With `edges: \"all\"` the DAG is fixed: each node sums every earlier node, each through its own edge op, one decision per edge (NAS-Bench-201's cell is `nodes: 3`: 6 edges, 5^6 = 15,625 cells with its five ops); a `none` edge adds nothing. Edges from the input carry a pending `stride`; every edge outputs the pending `width`. Put it in `skeleton` to stack one searched cell.",
                         parameters: [Parameter("name", .string, help: "the cell's name"), Parameter("nodes", .integer, default: .number(3), help: "nodes after the input"),
                                      Parameter("ops", .list, help: "candidate op names"),
                                      Parameter("edges", .string, default: .string("chosen"), keywordOnly: true, help: "\"chosen\" (two chosen inputs per node) or \"all\" (a fixed DAG, one op per edge)")],
                         example: "dag(\"cell\", nodes: 2, ops: [\"sep_conv_3x3\", \"skip_connect\"])\nc = dag(\"cell\", nodes: 3, ops: [\"none\", \"skip_connect\", \"nor_conv_3x3\", \"avg_pool_3x3\"], edges: \"all\")\nsize(space(\"fixed\", c))   # 4^6 = 4096") { call in
            let (name, nodes, ops) = (try call.string("name"), try call.int("nodes"), try call.strings("ops"))
            switch try call.string("edges").lowercased() {
            case "chosen": return .object(SpecValue(.cell(name, nodes: nodes, operations: ops)))
            case "all": return .object(SpecValue(.fixedCell(name, nodes: nodes, operations: ops)))
            case let other:
                throw BuiltinError("edges must be \"chosen\" or \"all\", got \"\(other)\"", argument: "edges")
            }
        })
        register(Builtin("skeleton", category: "space composition", summary: "a spec: a fixed macro network stacking one searched cell",
                         help: "Places `cell` at every cell position of a fixed macro network; all positions share the cell's decisions, so the space's size is the cell's. \"nb201\" is NAS-Bench-201's network: a 3×3 conv-BN stem with `channels` channels, three stages of `cells` cells at C, 2C and 4C channels joined by residual reduction blocks, then BN-ReLU, global pooling and the classifier. With NB201's five ops in a fixed 3-node dag it gives exactly nb201()'s networks, costs and size.",
                         parameters: [Parameter("name", .string, help: "the macro network: \"nb201\""), Parameter("cell", .object("spec"), help: "the searched cell (a dag or any spec)"),
                                      Parameter("channels", .integer, default: .number(16), keywordOnly: true, help: "channels of the stem and first stage"),
                                      Parameter("cells", .integer, default: .number(5), keywordOnly: true, help: "cells per stage")],
                         paper: "Dong & Yang, NAS-Bench-201: Extending the Scope of Reproducible Neural Architecture Search, ICLR 2020",
                         example: "ops = [\"none\", \"skip_connect\", \"nor_conv_3x3\", \"avg_pool_3x3\"]\ns = space(\"nb201_4op\", skeleton(\"nb201\", dag(\"cell\", nodes: 3, ops: ops, edges: \"all\")))\nsize(s)   # 4^6 = 4096\ncost(sample(s, seed: 1))") { call in
            let skeleton = try call.blaming("name") {
                try CellSkeleton(named: try call.string("name"), channels: try call.int("channels"), cellsPerStage: try call.int("cells"))
            }
            return .object(SpecValue(.skeleton(skeleton, try call.object("cell", as: SpecValue.self).spec)))
        })
        register(Builtin("stack", category: "space composition", summary: "a spec: parts decoded one after another",
                         help: "A sequence of specs decoded in order over the running tensor: a stem, a repeated block, a cell, …. The parts are given one by one, `stack(a, b, c)`, or as one list, `stack([a, b, c])`.",
                         variadic: Parameter("parts", .any),
                         example: "stack(choice(\"width\", [16, 32]), choice(\"op\", [\"conv3x3\", \"conv5x5\"]))\nstack([choice(\"width\", [16, 32]), choice(\"op\", [\"conv3x3\"])])") { call in
            return .object(SpecValue(.sequence(try Self.stackParts(call.rest).map { try Self.spec($0, argument: "parts", allowNone: false) })))
        })
    }

    private func registerSpaceFromSpec() {
        register(Builtin("space", category: "space composition", summary: "a search space from a composed spec",
                         help: "Turns a spec built with choice, alternatives, repeat, inputs, dag and stack into a search space with exact size, uniform sampling, mutation, crossover, neighbours, a canonical text form (`name=value` pairs of the active decisions) and a decoded network for the cost model.",
                         parameters: [Parameter("name", .string, help: "the space's name"), Parameter("spec", .object("spec"), help: "the composed spec"),
                                      Parameter("input", .list, default: Value.none, keywordOnly: true, help: "[channels, height, width] (default [3, 32, 32])"),
                                      Parameter("classes", .integer, default: Value.none, keywordOnly: true, help: "output classes (default 10)"),
                                      Parameter("help", .string, default: .string(""), keywordOnly: true, help: "a paragraph for `show`")],
                         example: "s = space(\"tiny\", repeat(\"layer\", 1..3, choice(\"op\", [\"conv3x3\", \"max_pool_3x3\"])))\nsize(s)   # 2 + 4 + 8 = 14") { call in
            let spec = try call.object("spec", as: SpecValue.self).spec
            let input = try call.shape("input")
            let classes = try call.optionalInt("classes")
            let space = try call.blaming("spec") {
                try SpaceCatalogue.compose(name: try call.string("name"), spec: spec, input: input, classes: classes, help: try call.string("help"))
            }
            return .object(SpaceValue(space))
        })
    }

    // MARK: - Argument helpers

    private static func depthRange(_ call: BuiltinCall, _ name: String) throws -> ClosedRange<Int> {
        let values = try positiveInts(call, name, allowZero: true)
        guard let low = values.min(), let high = values.max(), values == Array(low...high) else {
            throw BuiltinError("\(name) must be a range of whole numbers such as 1..6", argument: name)
        }
        return low...high
    }

    private static func positiveInts(_ call: BuiltinCall, _ name: String, allowZero: Bool = false) throws -> [Int] {
        let items = try call.list(name)
        guard !items.isEmpty else { throw BuiltinError("\(name) must not be empty", argument: name) }
        return try items.map { item in
            guard case .number(let q) = item, q.value == q.value.rounded(), q.value >= (allowZero ? 0 : 1), q.value < 1e6 else {
                throw BuiltinError("\(name) must hold whole numbers\(allowZero ? "" : " of 1 or more"), but one item is \(item.kindDescription)", argument: name)
            }
            return Int(q.value)
        }
    }

    private static func labels(_ call: BuiltinCall, _ name: String) throws -> [String] {
        try call.list(name).map { item in
            switch item {
            case .string(let s): return s
            case .number(let q) where q.dimension == .scalar: return Quantity.formatNumber(q.value)
            default: throw BuiltinError("\(name) must hold op names or plain numbers, but one item is \(item.kindDescription)", argument: name)
            }
        }
    }

    /// The parts of a stack: its arguments, or the items of its one list argument.
    private static func stackParts(_ rest: [Value]) -> [Value] {
        if rest.count == 1, case .list(let items) = rest[0] { return items }
        return rest
    }

    private static func spec(_ value: Value, argument: String, allowNone: Bool) throws -> SpaceSpec {
        if allowNone, value.isNone { return .sequence([]) }
        guard let spec = value.objectValue as? SpecValue else {
            throw BuiltinError("\(argument) must hold specs (from choice, repeat, stack, …)\(allowNone ? " or none" : ""), got \(value.kindDescription)", argument: argument)
        }
        return spec.spec
    }
}

extension Value {
    /// The domain object inside, if this is one.
    var objectValue: (any DomainValue)? {
        if case .object(let o) = self { return o }
        return nil
    }
}
