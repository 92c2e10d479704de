import NASBenchmarks
import NASCore
import NASEngine
import NASSpaces

/// The search-space constructors: `nb201`, `ofa`, `fbnet`, `basenet`, `segment`, `cell`, and the published
/// members (`mobilenetv2`, `mnasnet_a1`, `resnet18`, `darts_v2`, `genotype`).
extension BuiltinRegistry {
    /// Registers the space constructors and the architecture operations.
    func registerSpaceBuiltins() {
        registerNB201()
        registerMobileSpaces()
        registerCellSpaces()
        registerPublishedMembers()
        registerArchitectureBuiltins()
        registerCompositionBuiltins()
        registerOperationTopics()
    }

    private func registerNB201() {
        register(Builtin("nb201", category: "spaces", summary: "the NAS-Bench-201 cell space, or with dataset:/epochs:/metric:/trial: its benchmark evaluator",
                         help: """
                         Without benchmark arguments, returns the NAS-Bench-201 search space: one cell of 4 nodes and 6 edges, \
                         each edge choosing one of none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3 (5^6 = 15,625 cells, \
                         6,466 unique up to isomorphism), stacked in a ResNet-like skeleton of 3 stages with `cells` cells each and \
                         `channels` channels in the first stage. The canonical string is |op~0|+|op~0|op~1|+|op~0|op~1|op~2| and \
                         `a.index` is the benchmark's official index.
                         With any of dataset:, epochs:, metric: or trial: it returns instead the tabular EVALUATOR over that space \
                         (the two share the name because the benchmark is the space's published table): evaluating a cell looks up \
                         its accuracy, parameters and training time; the training time is charged to the simulated clock. \
                         The evaluator needs the benchmark's own skeleton (16 channels, 5 cells).
                         """,
                         parameters: [
                            Parameter("channels", .integer, default: .number(16), help: "channels of the first stage (16 in the benchmark)"),
                            Parameter("cells", .integer, default: .number(5), help: "cells per stage (5 in the benchmark)"),
                            Parameter("dataset", .string, default: Value.none, keywordOnly: true,
                                      help: "evaluator: \"cifar10\", \"cifar100\" or \"imagenet16-120\""),
                            Parameter("epochs", .integer, default: Value.none, keywordOnly: true, help: "evaluator: 12 or 200 (default 200)"),
                            Parameter("metric", .string, default: Value.none, keywordOnly: true,
                                      help: "evaluator: \"valid\" (default) or \"test\" for the accuracy metric"),
                            Parameter("trial", .string, default: Value.none, keywordOnly: true,
                                      help: "evaluator: \"mean\" of the seeds (default) or one \"random\" seed per query (seeded)"),
                         ],
                         paper: "Dong & Yang, NAS-Bench-201: Extending the Scope of Reproducible NAS, ICLR 2020",
                         example: "s = nb201()                 # the space\nev = nb201(dataset: \"cifar100\")   # its benchmark\nevaluate(ev, sample(s, seed: 1))") { call in
            let evaluatorArguments = ["dataset", "epochs", "metric", "trial"].filter { call.given.contains($0) }
            guard evaluatorArguments.isEmpty else { return try Self.nb201Evaluator(call) }
            let space = try call.blaming("channels") {
                try SpaceCatalogue.nb201(channels: try call.int("channels"), cells: try call.int("cells"))
            }
            return .object(SpaceValue(space))
        })
    }

    private static func nb201Evaluator(_ call: BuiltinCall) throws -> Value {
        for skeleton in ["channels", "cells"] where call.given.contains(skeleton) {
            throw BuiltinError("the nb201 benchmark evaluator is for the benchmark's own skeleton; leave out '\(skeleton)' "
                + "(or leave out dataset:/epochs:/metric:/trial: to get the space)", argument: skeleton)
        }
        let dataset = try call.optionalString("dataset") ?? "cifar10"
        let epochs = try call.optionalInt("epochs") ?? 200
        let metric = try call.optionalString("metric") ?? "valid"
        let trial = try call.optionalString("trial") ?? "mean"
        let evaluator = try call.blaming(nil) {
            do { _ = try NB201Dataset(name: dataset) } catch let e as BenchmarkError { throw BuiltinError(e.message, argument: "dataset") }
            do { _ = try NB201Metric(name: metric) } catch let e as BenchmarkError { throw BuiltinError(e.message, argument: "metric") }
            do { _ = try NB201TrialChoice(name: trial) } catch let e as BenchmarkError { throw BuiltinError(e.message, argument: "trial") }
            do { return try EvaluatorCatalogue.nb201(dataset: dataset, epochs: epochs, metric: metric, trial: trial) } catch let e as BenchmarkError {
                throw BuiltinError(e.message, argument: "epochs")
            }
        }
        return .object(EvaluatorValue(evaluator, space: NB201Space()))
    }

    private func registerMobileSpaces() {
        register(Builtin("ofa", category: "spaces", summary: "the once-for-all MobileNetV3 space (~2×10^19 subnetworks per resolution)",
                         help: "The elastic space of once-for-all: 5 units, each with depth 2, 3 or 4 and, per layer, kernel 3/5/7 and expansion 3/4/6, and an input resolution from `low` to `high` pixels in steps of `step`. At one resolution its size is the published ~2×10^19 (Cai et al. count ((3×3)^2+(3×3)^3+(3×3)^4)^5 ≈ 2.2×10^19 subnetworks: `size(ofa(low: 224, high: 224))`); the default 25 resolutions (128 to 224 in steps of 4) make it 25 times that, ≈5.4×10^20.",
                         parameters: [
                            Parameter("low", .integer, default: .number(128), keywordOnly: true, help: "smallest input resolution, pixels"),
                            Parameter("high", .integer, default: .number(224), keywordOnly: true, help: "largest input resolution, pixels"),
                            Parameter("step", .integer, default: .number(4), keywordOnly: true, help: "resolution step, pixels"),
                         ],
                         paper: "Cai et al., Once-for-All: Train One Network and Specialize it for Efficient Deployment, ICLR 2020",
                         example: "size(ofa())") { call in
            let space = try call.blaming("low") { try SpaceCatalogue.ofa(low: try call.int("low"), high: try call.int("high"), step: try call.int("step")) }
            return .object(SpaceValue(space))
        })
        register(Builtin("fbnet", category: "spaces", summary: "the FBNet space: 22 layers × 9 candidate blocks",
                         help: "FBNet's layer-wise space: a fixed macro skeleton of 22 searchable layers, each choosing one of 9 blocks (k3/k5 inverted residuals with expansion 1, 3 or 6, two grouped variants, or skip): 9^22 ≈ 9.8×10^20 architectures. The shipped device latencies (`latency(device:, space: \"fbnet\")`) cover 5,000 of them, at width 1. `width:` scales every stage's channels as FBNet's builder does (nearest multiple of 8; the 1984-channel head is kept below width 1): FBNet-96-0.35 is `fbnet(width: 0.35)` at 96×96 input. A space of another width is named fbnet_<width>, so its latency tables and trials stay apart from FBNet's.",
                         parameters: [Parameter("width", .number, default: .number(1), keywordOnly: true,
                                                help: "channel multiplier of every stage (1: the published FBNet)")],
                         paper: "Wu et al., FBNet: Hardware-Aware Efficient ConvNet Design via Differentiable NAS, CVPR 2019",
                         example: "a = sample(fbnet(), seed: 1)\ncost(a)\nshow sample(fbnet(width: 0.35), seed: 1)") { call in
            let space = try call.blaming("width") { try SpaceCatalogue.fbnet(width: try call.double("width")) }
            return .object(SpaceValue(space))
        })
        register(Builtin("basenet", category: "spaces", summary: "the basenet pool of search-space profiling: VGG, ResNet and MobileNet blocks per position",
                         help: "Zeng et al.'s basenet pool as one space: a fixed skeleton (3×3 stem, three stages of 16, 32 and 64 channels whose first position halves the resolution, pooling, classifier) whose every position takes one of vgg_k3 (3×3 conv-BN-ReLU), res_k3 (ResNet basic block), mb_k3_e6 or mb_k5_e3 (MobileNetV2 inverted residuals). The specified network of a block type repeats it at every position; profile_space keeps the blocks that score best on accuracy and latency. Input and classes come from the data.",
                         parameters: [Parameter("positions", .integer, default: .number(2), help: "positions per stage"),
                                      Parameter("blocks", .list, default: Value.none, keywordOnly: true, help: "the block types on offer (default all four)")],
                         paper: "Zeng et al., Black Box Search Space Profiling for Accelerator-Aware Neural Architecture Search, ASP-DAC 2020",
                         example: "s = basenet()\nsize(s)\nshow sample(s, seed: 1)") { call in
            let blocks = call.isNone("blocks") ? BasenetSpace.allBlocks : try call.strings("blocks")
            let space = try call.blaming("blocks") { try SpaceCatalogue.basenet(blocks: blocks, positions: try call.int("positions")) }
            return .object(SpaceValue(space))
        })
        register(Builtin("segment", category: "spaces", summary: "MnasNet's factorized hierarchical (block-based) space",
                         help: "MnasNet's factorized hierarchical space: a fixed skeleton of blocks, each choosing its own conv op (conv, MBConv, ResNet basic), kernel, expansion, squeeze-and-excitation ratio, skip op, width and number of repeated layers. `skeleton: \"mnasnet\"` is MobileNetV2's seven blocks (MobileNetV2 and MnasNet-A1 are members: `mobilenetv2()`, `mnasnet_a1()`); `skeleton: \"resnet\"` is ResNet's four (ResNet-18 is `resnet18()`). Its weight-sharing supernet (darts, gdas, spos, …) fixes width, depth, skip and activation from a frame architecture (MnasNet-A1, or ResNet-18 on the ResNet skeleton) and mixes each block's 16 op combinations (conv and basic at kernel 3 and 5, MBConv at kernel 3 and 5 × expansion 1, 3, 6 × SE 0 or 0.25); `frame:` gives another frame and makes the space that slice only, so that a strategy searching with `supernet(r)` proposes only architectures the supernet holds.",
                         parameters: [Parameter("skeleton", .string, default: .string("mnasnet"), help: "\"mnasnet\" (7 blocks) or \"resnet\" (4 blocks)"),
                                      Parameter("frame", .any, default: Value.none, keywordOnly: true,
                                                help: "an architecture of the space, its text, or a member's name (\"mnasnet_a1\"): the space becomes that frame's supernet slice")],
                         paper: "Tan et al., MnasNet: Platform-Aware Neural Architecture Search for Mobile, CVPR 2019",
                         example: "s = segment()\nsize(s)\nshow mnasnet_a1()") { call in
            let skeleton = try call.string("skeleton")
            let whole = try call.blaming("skeleton") { try SpaceCatalogue.segment(skeleton: skeleton) }
            if case .object(let a as ArchitectureValue) = call["frame"] {
                return .object(SpaceValue(try call.blaming("frame") { try whole.sliced(frame: a.architecture) }))
            }
            guard !call.isNone("frame") else { return .object(SpaceValue(whole)) }
            let frame = try call.string("frame")
            return .object(SpaceValue(try call.blaming("frame") { try SpaceCatalogue.segment(skeleton: skeleton, frame: frame) }))
        })
    }

    private func registerCellSpaces() {
        let cellParameters = [
            Parameter("ops", .list, default: Value.none, help: "candidate op names (default: DARTS's seven)"),
            Parameter("nodes", .integer, default: .number(4), help: "intermediate nodes per cell, each with two inputs"),
            Parameter("channels", .integer, default: .number(36), help: "channels of the first cells (36 for DARTS on CIFAR-10)"),
            Parameter("layers", .integer, default: .number(20), help: "cells in the network; reductions at 1/3 and 2/3"),
        ]
        let cellBody: (BuiltinCall) throws -> Value = { call in
            let ops = call.isNone("ops") ? nil : try call.strings("ops")
            let space = try call.blaming("ops") {
                try SpaceCatalogue.cell(operations: ops, nodes: try call.int("nodes"), channels: try call.int("channels"), layers: try call.int("layers"))
            }
            return .object(SpaceValue(space))
        }
        register(Builtin("cell", category: "spaces", summary: "a NASNet/DARTS cell space (normal + reduction cell)",
                         help: "A NASNet/DARTS cell-based space: a normal and a reduction cell, each with `nodes` intermediate nodes; every node picks two distinct earlier nodes as inputs and an op for each. The cells are stacked `layers` deep with reduction cells at 1/3 and 2/3 of the depth. Architectures read and print in the DARTS `Genotype(normal=[…], reduce=[…])` format; the two inputs of a node are unordered, so `identity` sorts them.",
                         parameters: cellParameters,
                         paper: "Zoph et al., Learning Transferable Architectures (NASNet), CVPR 2018; Liu et al., DARTS, ICLR 2019",
                         example: "s = cell(ops: [\"sep_conv_3x3\", \"skip_connect\"], nodes: 3)\nsize(s)", body: cellBody))
        register(Builtin("darts_cell", category: "spaces", summary: "the DARTS cell space (same as cell())",
                         help: "The DARTS search space: `cell()` with DARTS's seven ops, 4 nodes, 36 channels and 20 layers. Its size counts each unordered pair of inputs once: (C(2,2)·C(3,2)·C(4,2)·C(5,2)·7^8)^2 ≈ 1.08×10^18. DARTS-V2's published cell is `darts_v2()`.",
                         parameters: cellParameters, paper: "Liu et al., DARTS: Differentiable Architecture Search, ICLR 2019",
                         example: "size(darts_cell())", body: cellBody))
    }

    private func registerPublishedMembers() {
        let members: [(name: String, summary: String, paper: String, help: String)] = [
            ("mobilenetv2", "MobileNetV2 1.0, as a member of the segment space",
             "Sandler et al., MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR 2018",
             "MobileNetV2 1.0 decoded in MnasNet's segment space: ReLU6, seven blocks of MBConv k3 (expansion 1 then 6). At 224×224 with 1000 classes it has the published ~300M MACs and ~3.4M parameters."),
            ("mnasnet_a1", "MnasNet-A1, as a member of the segment space",
             "Tan et al., MnasNet: Platform-Aware Neural Architecture Search for Mobile, CVPR 2019",
             "MnasNet-A1 (Figure 7 of the paper) decoded in the segment space: k3/k5 MBConv blocks, some with squeeze-and-excitation 0.25. At 224×224 it has the published ~312M MACs and ~3.9M parameters."),
            ("resnet18", "ResNet-18, as a member of the segment space with the ResNet skeleton",
             "He et al., Deep Residual Learning for Image Recognition, CVPR 2016",
             "ResNet-18 decoded in `segment(skeleton: \"resnet\")`: four blocks of two basic residual layers (64, 128, 256, 512 channels); ~1.8G MACs and ~11.7M parameters at 224×224."),
            ("darts_v2", "DARTS-V2's published cell, as a member of the DARTS cell space",
             "Liu et al., DARTS: Differentiable Architecture Search, ICLR 2019",
             "The DARTS-V2 genotype from the DARTS repository (second-order search on CIFAR-10), as an architecture of `darts_cell()`; with 36 channels and 20 layers it has ~3.3M parameters."),
        ]
        for member in members {
            register(Builtin(member.name, category: "spaces", summary: member.summary, help: member.help,
                             paper: member.paper, example: "a = \(member.name)()\nshow a\ncost(a)") { call in
                let found = try call.blaming(nil) { try SpaceCatalogue.member(member.name) }
                return .object(ArchitectureValue(space: found.space, found.architecture))
            })
        }
        register(Builtin("genotype", category: "spaces", summary: "a DARTS genotype string as an architecture of the cell space",
                         help: "Reads a cell in DARTS's `Genotype(normal=[('op', input), …], normal_concat=[…], reduce=[…], reduce_concat=[…])` format, as printed by the DARTS code, into an architecture of `space` (default `darts_cell()`). A wrong op, input or count is reported with the part that is wrong.",
                         parameters: [Parameter("text", .string, help: "the Genotype(...) text"),
                                      Parameter("space", .object("space"), default: Value.none, help: "a cell space (default darts_cell())")],
                         paper: "Liu et al., DARTS: Differentiable Architecture Search, ICLR 2019",
                         example: "g = genotype(str(darts_v2()))\ng == darts_v2()   # true") { call in
            let space: any SearchSpace = call.isNone("space") ? CellSpace() : try call.space("space")
            guard space is CellSpace else {
                throw BuiltinError("genotype() reads cells of a cell space, not of the \(space.name) space", argument: "space")
            }
            let text = try call.string("text")
            let architecture = try call.blaming("text") { try SpaceCatalogue.parse(text, in: space) }
            return .object(ArchitectureValue(space: space, architecture))
        })
    }
}
