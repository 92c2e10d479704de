import NASCore
import NASTraining

/// Network morphism: `grow(…)` runs the hill-climbing search that grows a small network by
/// function-preserving morphisms with short training (NASH).
extension BuiltinRegistry {
    /// Registers the morphism builtins.
    func registerMorphismBuiltins() {
        register(Builtin("grow", category: "training", summary: "grows a network by hill climbing over network morphisms with short training (NASH)",
                         help: """
                         Starts from a small CNN (two 3×3 conv–batch norm–ReLU blocks of `width` and 2×`width` \
                         channels with 2×2 max pooling, and a linear classifier), trains it for `start_epochs`, then \
                         climbs `steps` times: each step makes `neighbours` children of the current network by 1 to \
                         `morphisms` random function-preserving morphisms (widen a convolution by copying channels, \
                         Net2WiderNet; deepen after a ReLU with an identity-initialised conv–BN–ReLU, Net2DeeperNet; \
                         add a residual conv–BN branch initialised to add zero), so every child inherits its parent's \
                         weights and computes what the parent did; trains each child `epochs` epochs with a cosine \
                         schedule restarted per child (SGDR); and keeps the child with the best validation accuracy. \
                         Returns a table with one row per step: step (0: the start), child (which was kept), \
                         morphisms, params, depth (layers with weights), accuracy (validation), test_accuracy and \
                         time (seconds of the step). Seeded: the same call repeats on the same machine and threads. \
                         Ctrl-C stops it within a batch.
                         """,
                         parameters: [
                            Parameter("data", .object("dataset"), help: "the data set, from dataset(…)"),
                            Parameter("steps", .integer, default: .number(3), help: "hill-climbing steps after the start"),
                            Parameter("neighbours", .integer, default: .number(4), help: "children trained per step"),
                            Parameter("epochs", .integer, default: .number(2), help: "epochs each child trains"),
                            Parameter("morphisms", .integer, default: .number(2), keywordOnly: true, help: "the most morphisms per child (each draws 1…this many)"),
                            Parameter("start_epochs", .integer, default: Value.none, keywordOnly: true, help: "epochs the starting network trains (default: epochs)"),
                            Parameter("width", .integer, default: .number(8), keywordOnly: true, help: "channels of the starting network's first convolution"),
                            Parameter("batch", .integer, default: .number(64), keywordOnly: true, help: "samples per step"),
                            Parameter("lr", .plainNumber, default: .number(0.05), keywordOnly: true, help: "base learning rate of each child's cosine schedule"),
                            Parameter("threads", .integer, default: Value.none, keywordOnly: true, help: "kernel threads (default: every core)"),
                            Parameter("seed", .integer, default: .number(1), keywordOnly: true, help: "seed of the morphisms, weights and training"),
                         ],
                         paper: "Elsken, Metzen & Hutter, Simple and efficient architecture search for CNNs (NASH), arXiv:1711.04528, 2017; Chen, Goodfellow & Shlens, Net2Net, ICLR 2016; Wei et al., Network morphism, ICML 2016",
                         example: "d = dataset(\"digits\")\ngrow(d, steps: 3, neighbours: 4, epochs: 2, seed: 1)") { call in
            let data = try call.object("data", as: DatasetValue.self).dataset
            let settings = try Self.growthSettings(call, trainCount: data.train.count)
            let steps = try call.session.runForeground("grow") { context in
                try MorphismSearch(dataset: data, settings: settings).run(cancel: context.token) { step in
                    context.progress(done: step.step, total: settings.steps, message: "step \(step.step): \(step.parameters) params")
                }
            }
            return .table(MorphismStep.table(steps))
        })
    }

    /// The search settings from `grow(…)`'s arguments, checked.
    private static func growthSettings(_ call: BuiltinCall, trainCount: Int) throws -> MorphismSearch.Settings {
        let epochs = try bounded(call, "epochs", 1...10_000, unit: "epochs")
        let batch = try batchSize(call, trainCount: trainCount), lr = try learningRate(call)
        let threads = try call.isNone("threads") ? nil : bounded(call, "threads", 1...256, unit: "threads")
        let startEpochs = try call.isNone("start_epochs") ? epochs : bounded(call, "start_epochs", 1...10_000, unit: "epochs")
        return MorphismSearch.Settings(
            steps: try bounded(call, "steps", 0...1_000, unit: "steps"),
            neighbours: try bounded(call, "neighbours", 1...1_000, unit: "children"),
            morphisms: try bounded(call, "morphisms", 1...20, unit: "morphisms"), epochs: epochs, startEpochs: startEpochs,
            width: try bounded(call, "width", 1...256, unit: "channels"),
            training: TrainingConfig(batchSize: batch, learningRate: lr, threads: threads), seed: try call.seed())
    }
}
