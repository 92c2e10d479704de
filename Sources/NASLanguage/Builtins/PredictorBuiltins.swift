import NASCore
import NASHardware
import NASSpaces

/// Latency predictors and energy: predictors fitted on measured architectures (`latency_model`), a new
/// device from ten cells (`few_shot`), a prediction (`predict`), a predictor judged against the truth
/// (`assess`), and the accelerator energy model as an evaluator (`energy`).
extension BuiltinRegistry {
    /// Registers the predictor and energy builtins.
    func registerPredictorBuiltins() {
        registerLatencyModel()
        registerFewShot()
        registerPredictAndAssess()
        registerEnergy()
    }

    private func registerLatencyModel() {
        register(Builtin("latency_model", category: "hardware", summary: "a latency predictor fitted on architectures with measured latency",
                         help: """
                         Asks `truth` (a `measure(...)` evaluator, a shipped `latency(device: …)` table or your own) for the \
                         latency of every architecture in `archs`, then fits a predictor of `kind`: \"flops\", a least-squares \
                         line on the cost model (seconds per MAC, per byte moved, per kernel, plus a fixed cost), or \"learned\", \
                         ridge regression on the one-hot block choices and the same cost features. Both are deterministic. \
                         Use the result with `predict` and `assess`.
                         """,
                         parameters: [
                            Parameter("kind", .string, help: "\"flops\" or \"learned\""),
                            Parameter("archs", .any, help: "the training architectures: a list, or a table with an arch column"),
                            Parameter("truth", .any, keywordOnly: true, help: "an evaluator or latency table that gives their latency"),
                            Parameter("space", .object("space"), default: Value.none, keywordOnly: true, help: "the space of an arch column"),
                         ],
                         paper: "Zhang et al., nn-Meter, MobiSys 2021; Dudziak et al., BRP-NAS, NeurIPS 2020",
                         example: "fb = fbnet()\nlat = latency(device: \"pixel3\", space: \"fbnet\")\narchs = latency(lat) | take 300\np = latency_model(\"learned\", archs, truth: lat, space: fb)") { call in
            let kind = try call.blaming("kind") { try FittedPredictorKind(named: try call.string("kind")) }
            let (space, archs) = try call.architectures("archs")
            let truth = try Self.evaluator(call, "truth")
            let measured = try call.blaming("truth") { try LatencyTruth(archs, in: space, from: truth, cancel: call.session.interrupt).measured }
            return .object(PredictorValue(try call.blaming("archs") { try kind.fit(measured, in: space) }))
        })
    }

    private func registerFewShot() {
        register(Builtin("few_shot", category: "hardware", summary: "NB201 latency on a new device from ten measured cells",
                         help: """
                         HELP's setting: the 27 device configurations of the shipped NB201 latency tables are the prior \
                         knowledge; `device` (an evaluator of the new device, such as `measure(...)`, or a latency table) is \
                         asked for `samples` reference cells chosen once from the prior, and the predictor gives every \
                         cell's latency on it. Method: the prior devices' log-latencies are close to rank 4; the new \
                         device's log-latency is fitted as an affine function of each cell's leading 1 to 4 coordinates, \
                         as many as predict each reference best from the others (the rank shows in its descriptor). A shipped \
                         table as `device` is left out of its own prior; `exclude` leaves out more (its batch siblings).
                         """,
                         parameters: [
                            Parameter("device", .any, help: "an evaluator or latency table of the new device"),
                            Parameter("samples", .integer, default: .number(10), keywordOnly: true, help: "cells measured on the new device (5 or more)"),
                            Parameter("exclude", .list, default: .list([]), keywordOnly: true, help: "prior devices to leave out"),
                         ],
                         paper: "Lee, Lee, Chong & Hwang, HELP: Hardware-Adaptive Efficient Latency Prediction for NAS via Meta-Learning, NeurIPS 2021",
                         example: "p = few_shot(latency(device: \"fpga\"), samples: 10)\npredict(p, arch(nb201(), 6111))") { call in
            let device = try Self.evaluator(call, "device")
            let excluded = Set(try call.strings("exclude"))
            let predictor = try call.blaming("samples") {
                try FewShotDevicePredictor.nb201(measuring: device, samples: try call.int("samples"), excluding: excluded, cancel: call.session.interrupt)
            }
            return .object(PredictorValue(predictor))
        })
    }

    private func registerPredictAndAssess() {
        register(Builtin("predict", category: "hardware", summary: "a predictor's latency for one architecture",
                         help: "The latency `p` predicts for architecture `a`, in seconds.",
                         parameters: [Parameter("p", .object("predictor"), help: "a latency predictor"),
                                      Parameter("a", .object("architecture"), help: "the architecture")],
                         paper: "Zhang et al., nn-Meter, MobiSys 2021",
                         example: "predict(p, arch(nb201(), 0))") { call in
            let p = try call.object("p", as: PredictorValue.self)
            let a = try call.architecture("a")
            return .number(.seconds(try call.blaming("a") { try p.predictor.predict(a.architecture, in: a.space) }))
        })
        register(Builtin("assess", category: "hardware", summary: "how well a predictor matches measured latencies",
                         help: """
                         Predicts every architecture of `archs` with `p` and compares with the latency `truth` gives. Returns \
                         a record: n, rmse (seconds), mape, within_10 (the share within ±10%, nn-Meter's measure), bias \
                         (the mean signed relative error: above 0 when the predictions run high), kendall_tau, spearman, \
                         and noise_cv (the mean coefficient of variation of the measurements) \
                         when the truth measures.
                         """,
                         parameters: [Parameter("p", .object("predictor"), help: "a latency predictor"),
                                      Parameter("archs", .any, help: "held-out architectures: a list, or a table with an arch column"),
                                      Parameter("truth", .any, keywordOnly: true, help: "an evaluator or latency table that gives their latency"),
                                      Parameter("space", .object("space"), default: Value.none, keywordOnly: true, help: "the space of an arch column")],
                         paper: "Zhang et al., nn-Meter, MobiSys 2021",
                         example: "held = latency(lat) | sort arch desc | take 500\nassess(p, held, truth: lat, space: fbnet())") { call in
            let p = try call.object("p", as: PredictorValue.self)
            let (space, archs) = try call.architectures("archs")
            let truthEvaluator = try Self.evaluator(call, "truth")
            let truth = try call.blaming("truth") { try LatencyTruth(archs, in: space, from: truthEvaluator, cancel: call.session.interrupt) }
            let report = try call.blaming("archs") { try truth.assess(p.predictor, in: space) }
            return .record(Self.assessmentRecord(report, noiseCV: truth.noiseCV))
        })
    }

    /// The report as a record: n, rmse, mape, within_10, bias, kendall_tau, spearman (and noise_cv).
    private static func assessmentRecord(_ r: PredictionReport, noiseCV: Double?) -> Record {
        var fields: [(String, Value)] = [("n", .number(Double(r.count))), ("rmse", .number(.seconds(r.rmse))),
                                         ("mape", .number(.fraction(r.mape))), ("within_10", .number(.fraction(r.withinTenPercent))),
                                         ("bias", .number(.fraction(r.bias))),
                                         ("kendall_tau", r.kendallTau.map { .number($0) } ?? Value.none),
                                         ("spearman", r.spearman.map { .number($0) } ?? Value.none)]
        if let noiseCV { fields.append(("noise_cv", .number(noiseCV))) }
        return Record(fields)
    }

    private func registerEnergy() {
        register(Builtin("energy", category: "hardware", summary: "energy per inference on an Eyeriss-style accelerator, as an evaluator",
                         help: """
                         An evaluator of `energy` (joules per inference, a plain number) and its parts energy_compute, \
                         energy_rf, energy_array, energy_buffer, energy_dram, usable as an objective or constraint. Cost \
                         per access relative to a MAC, Eyeriss's 65 nm figures: register file 1, array 2, global buffer 6, \
                         DRAM 200; `mac` joules per MAC (an assumed 1 pJ). Dataflow per layer: every MAC makes 4 \
                         register-file accesses; weights, inputs and outputs cross the buffer once and the array once \
                         (inputs and partial sums k times for a k×k kernel); weights come from DRAM once, activations \
                         only when a layer's working set exceeds the buffer.
                         """,
                         parameters: [
                            Parameter("mac", .plainNumber, default: .number(1e-12), keywordOnly: true, help: "joules per MAC"),
                            Parameter("rf", .plainNumber, default: .number(1), keywordOnly: true, help: "register-file access cost, in MACs"),
                            Parameter("array", .plainNumber, default: .number(2), keywordOnly: true, help: "inter-PE array access cost, in MACs"),
                            Parameter("buffer", .plainNumber, default: .number(6), keywordOnly: true, help: "global-buffer access cost, in MACs"),
                            Parameter("dram", .plainNumber, default: .number(200), keywordOnly: true, help: "DRAM access cost, in MACs"),
                            Parameter("buffer_size", .bytes, default: .number(.bytes(108 * 1024)), keywordOnly: true, help: "the global buffer's size"),
                            Parameter("word", .bytes, default: .number(.bytes(2)), keywordOnly: true, help: "bytes per weight or activation"),
                            Parameter("input", .list, default: Value.none, keywordOnly: true, help: "[channels, height, width] (default: the space's own)"),
                         ],
                         paper: "Chen, Emer & Sze, Eyeriss: A Spatial Architecture for Energy-Efficient Dataflow for CNNs, ISCA 2016",
                         example: "evaluate(energy(), arch(nb201(), 6111)).energy") { call in
            var model = EnergyModel()
            model.macEnergy = try call.double("mac")
            model.registerFileCost = try call.double("rf")
            model.arrayCost = try call.double("array")
            model.bufferCost = try call.double("buffer")
            model.dramCost = try call.double("dram")
            model.bufferBytes = try call.double("buffer_size")
            model.bytesPerWord = try call.double("word")
            let input = try call.shape("input")
            return .object(EvaluatorValue(try call.blaming(nil) { try EnergyEvaluator(model: model, input: input) }))
        })
    }
}
