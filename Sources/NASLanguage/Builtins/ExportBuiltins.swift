import NASEngine
import NASSpaces
import NASTraining

/// `export(a, "model.py")` and `export(a, "model.onnx")`: an architecture's network with naslab's
/// weights as a PyTorch module or an ONNX model (a thin adapter over `Session.exportArchitecture`).
extension BuiltinRegistry {
    /// Registers the export builtin.
    func registerExportBuiltins() {
        register(Builtin("export", category: "spaces", summary: "write an architecture's network as a PyTorch module (.py) or an ONNX model (.onnx), with weights",
                         help: """
                         Writes the architecture's decoded network with naslab's weights. `.py`: a readable PyTorch \
                         `nn.Module` (one attribute per layer with weights, one line per layer in `forward`) and its \
                         weights in a `.safetensors` file of the same name beside it; `load()` in the module returns \
                         the network with those weights in eval mode. `.onnx`: an ONNX model (opset 17) with the \
                         weights inside and a free batch dimension. Both compute what naslab's inference computes \
                         (batch norm with its running statistics, no dropout). The weights are naslab's seeded initial \
                         ones (`seed:`), or, with `train:` a training evaluator from train(…), the weights of the \
                         network trained by that recipe on its data set with that seed (the model that \
                         `evaluate(ev, a, seed:)` scores). Returns the paths written.
                         """,
                         parameters: [
                            Parameter("a", .object("architecture"), help: "an architecture"),
                            Parameter("path", .string, help: "a .py file (PyTorch, with a .safetensors beside it) or a .onnx file"),
                            Parameter("seed", .integer, default: .number(0), keywordOnly: true, help: "seed of the initial weights (and of training with train:)"),
                            Parameter("train", .object("evaluator"), default: Value.none, keywordOnly: true, help: "a training evaluator from train(…): export the trained network"),
                            Parameter("input", .list, default: Value.none, keywordOnly: true, help: "[channels, height, width] without train: (default: the space's own)"),
                            Parameter("classes", .integer, default: Value.none, keywordOnly: true, help: "output classes without train: (default: the space's own)"),
                         ],
                         example: "a = sample(nb201(), seed: 1)\nexport(a, \"cell.py\", seed: 1)\nexport(a, \"cell.onnx\", input: [3, 16, 16], classes: 5)\nexport(a, \"trained.py\", train: train(dataset(\"digits\"), epochs: 1))") { call in
            let a = try call.architecture("a")
            let training = try Self.trainingEvaluator(call)
            if training != nil, !call.isNone("input") || !call.isNone("classes") {
                throw BuiltinError("with train:, the network takes the data set's shape and classes; leave out input: and classes:",
                                   argument: call.isNone("input") ? "classes" : "input")
            }
            let classes = try call.optionalInt("classes")
            if let classes, classes < 1 { throw BuiltinError("classes must be at least 1, got \(classes)", argument: "classes") }
            let paths = try call.blaming(call.isNone("input") ? "a" : "input") {
                try call.session.exportArchitecture(a.architecture, in: a.space, to: try call.string("path"), input: try call.shape("input"),
                                                    classes: classes, seed: try call.seed(), training: training)
            }
            return .list(paths.map { .string($0) })
        })
    }

    /// The `train:` evaluator, which must be one that `train(…)` made.
    private static func trainingEvaluator(_ call: BuiltinCall) throws -> TrainingEvaluator? {
        guard !call.isNone("train") else { return nil }
        guard let trainer = try call.object("train", as: EvaluatorValue.self).evaluator as? TrainingEvaluator else {
            throw BuiltinError("train: takes a training evaluator made by train(data, …), not a benchmark or other evaluator",
                               argument: "train")
        }
        return trainer
    }
}
