import NASCore
import NASExport
import NASSpaces
import NASTraining

/// Architecture export and diagrams through the session: an architecture's network with
/// naslab's weights written as a PyTorch module or an ONNX model, and its diagram saved as
/// SVG, dot text or text.
extension Session {
    /// Writes `architecture`'s network to `path` (`.py` or `.onnx`, see `ArchitectureExporter`)
    /// and returns the files written.
    ///
    /// Without `training`, the weights are naslab's seeded initial ones for `seed` (the network at
    /// `input` and `classes`, by default the space's own). With a training evaluator, the network is
    /// built for its data set's shape and classes and trained with its recipe and `seed` first (a
    /// foreground job: Ctrl-C stops it between two batches), and the trained weights are written.
    @discardableResult
    public func exportArchitecture(_ architecture: Architecture, in space: any SearchSpace, to path: String,
                                   input: TensorShape? = nil, classes: Int? = nil, seed: UInt64,
                                   training: TrainingEvaluator? = nil) throws -> [String] {
        let title = "\(space.name) \(space.canonical(architecture))"
        guard let training else {
            let spec = try space.network(architecture, input: input ?? space.defaultInput, classes: classes ?? space.defaultClasses)
            let model = try Model(spec: spec, seed: seed)
            return try ArchitectureExporter.export(model, title: title, origin: "naslab's initial weights, seed \(seed)", to: path)
        }
        let data = training.dataset
        let spec = try space.network(architecture, input: data.shape, classes: data.classes)
        let model = try Model(spec: spec, seed: seed)
        let result = try runForeground("train \(title) for export") { context in
            try Trainer(config: training.config).train(model, on: data, seed: seed, cancel: context.token,
                                                      epochs: training.config.epochs) { epoch, accuracy in
                context.progress(done: epoch, total: training.config.epochs, message: "epochs, accuracy \(accuracy)")
            }
        }
        let origin = "trained by naslab on \(data.name), seed \(seed), validation accuracy \(result.validAccuracy)"
        return try ArchitectureExporter.export(model, title: title, origin: origin, to: path)
    }

    /// Saves `architecture`'s diagram: `.svg` drawn by Graphviz from the space's dot graph, `.dot`
    /// the graph text, `.txt` the text diagram (`DiagramRenderer`).
    public func saveDiagram(_ architecture: Architecture, in space: any SearchSpace, to path: String) throws {
        try DiagramRenderer.save(dot: space.dot(architecture), text: space.diagram(architecture), to: path)
    }
}
