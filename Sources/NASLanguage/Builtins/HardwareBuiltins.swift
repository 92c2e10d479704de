import NASCore
import NASEngine
import NASHardware
import NASSpaces

/// Hardware builtins: a device (`device`: naslab's engine or onnxruntime), measured latency (`measure`), latency tables of a
/// blockwise space (`profile`, `lut_sum`, `correct`, `save_lut`, `load_lut`, `luts`).
extension BuiltinRegistry {
    /// Registers the hardware builtins.
    func registerHardwareBuiltins() {
        registerMeasurement()
        registerTables()
        registerTableFiles()
    }

    private func registerMeasurement() {
        register(Builtin("device", category: "hardware", summary: "naslab's engine or onnxruntime on this machine at a thread count, as a device",
                         help: """
                         Returns a device. "naslab" (the default) is naslab's compiled inference plan on this machine at \
                         `threads` kernel threads (one lane, no Winograd kernels, so the same network always gets the same \
                         code). "onnxruntime" runs the network exported as ONNX (seeded weights) in onnxruntime, through a \
                         python3 helper process that lives as long as the device (`threads` intra-op threads, sequential, \
                         onnxruntime's default graph optimisations: a compiler naslab does not know); it needs \
                         `python3 -m pip install onnxruntime` (NASLAB_PYTHON picks another python). Everything hardware-aware \
                         asks a device only how long a network takes, so the device and its compiler stay a black box; \
                         1 and 2 threads are two devices.
                         """,
                         parameters: [Parameter("kind", .string, default: .string("naslab"), help: "\"naslab\" or \"onnxruntime\""),
                                      Parameter("threads", .integer, default: .number(1), help: "kernel threads, 1 to 256")],
                         example: "d = device(threads: 1)\nort = device(\"onnxruntime\", threads: 1)") { call in
            let kind = try Self.hardware("kind") { try DeviceKind(named: try call.string("kind")) }
            let threads = try call.int("threads")
            try Self.hardware("threads") { try DeviceKind.checkThreads(threads) }
            return .object(DeviceValue(try Self.hardware("kind") { try kind.device(threads: threads) }))
        })
        register(Builtin("measure", category: "hardware", summary: "the measured latency of an architecture on a device, or a measuring evaluator",
                         help: """
                         Compiles the architecture's network for `device` (default: device(threads: 1)), runs it \
                         `warmup` times untimed, then `repeats` timed calls, and returns a record: latency (the median \
                         call), p10, p90 and min, cv (the calls' coefficient of variation: the noise, reported rather \
                         than hidden), peak_memory (the plan's activations, scratch and weights as the device reports \
                         them) and memory_estimate (the cost model: peak live activations × batch + weights). \
                         `input` is [batch, channels, height, width] (or [channels, height, width] for batch 1; default \
                         the space's). Without an architecture it returns an evaluator that measures each trial this \
                         way (metrics latency, latency_p10, latency_p90, noise_cv, peak_memory), for launch(…, using: …), \
                         objectives and constraints. Ctrl-C stops it between two calls.
                         """,
                         parameters: [Parameter("a", .object("architecture"), default: Value.none, help: "the architecture (leave out for an evaluator)"),
                                      Parameter("device", .object("device"), default: Value.none, keywordOnly: true, help: "the device (default: device(threads: 1))"),
                                      Parameter("input", .list, default: Value.none, keywordOnly: true, help: "[batch, channels, height, width]"),
                                      Parameter("repeats", .integer, default: .number(50), keywordOnly: true, help: "timed calls"),
                                      Parameter("warmup", .integer, default: .number(5), keywordOnly: true, help: "untimed calls first")],
                         example: "m = measure(arch(fbnet(), \"k3_e1-k3_e6-k5_e1-k3_e1-k3_e1-k5_e6-k5_e3-k3_e6-k5_e6-k5_e6-k5_e1-skip-k5_e3-k5_e6-k3_e1-k5_e1-k5_e3-k5_e6-k5_e1-k5_e6-k5_e6-k3_e6\"), device: device(), input: [1, 3, 64, 64])\nprint(m.latency, m.cv)") { call in
            let device = try Self.device(call)
            let settings = try Self.settings(call)
            let (input, batch) = try Self.batchedInput(call)
            guard !call.isNone("a") else {
                return .object(EvaluatorValue(try Self.hardware("repeats") {
                    try MeasuredLatencyEvaluator(device: device, settings: settings, input: input, batch: batch)
                }))
            }
            let a = try call.architecture("a")
            let spec = try call.blaming("input") {
                try a.space.network(a.architecture, input: input ?? a.space.defaultInput, classes: a.space.defaultClasses)
            }
            let m = try Self.hardware("a") { try device.measure(spec, batch: batch, settings: settings, cancel: call.session.interrupt) }
            return .record(Self.record(m, estimate: spec.cost.peakActivationBytes * batch + spec.cost.params * 4))
        })
    }

    private func registerTables() {
        register(Builtin("profile", category: "hardware", summary: "a latency table: every distinct block of a blockwise space measured standalone on a device",
                         help: """
                         Measures on `device`, standalone, every distinct part a network of the blockwise space can have \
                         — the stem, each position with each block it offers, the head — and returns the latency table \
                         (one entry per part: median seconds and cv). It is saved in the workspace's store under its name \
                         (default space@device) with the device, threads, batch, input and engine version; `luts()` \
                         lists the stored tables. `lut_sum(t)` predicts a network as the sum of its parts; `correct(t)` \
                         corrects that sum with whole-network measurements. Ctrl-C stops it between two calls.
                         """,
                         parameters: [Parameter("space", .object("space"), help: "a blockwise space, such as fbnet()"),
                                      Parameter("device", .object("device"), default: Value.none, keywordOnly: true, help: "the device (default: device(threads: 1))"),
                                      Parameter("input", .list, default: Value.none, keywordOnly: true, help: "[batch, channels, height, width] (default: the space's)"),
                                      Parameter("repeats", .integer, default: .number(15), keywordOnly: true, help: "timed calls per part"),
                                      Parameter("warmup", .integer, default: .number(3), keywordOnly: true, help: "untimed calls first"),
                                      Parameter("passes", .integer, default: .number(3), keywordOnly: true,
                                                help: "times the whole set is measured; each entry keeps the median of its passes"),
                                      Parameter("calibrate", .integer, default: .number(0), keywordOnly: true,
                                                help: "random networks to rescale the corrected table to (0: none)"),
                                      Parameter("name", .string, default: Value.none, keywordOnly: true, help: "the name it is stored under")],
                         paper: "Zeng, Sun, Xing, Ning, Shan, Chen, Wang & Yang, Black Box Search Space Profiling for Accelerator-Aware Neural Architecture Search, ASP-DAC 2020",
                         example: "t = profile(fbnet(), device: device(threads: 1), input: [1, 3, 32, 32])") { call in
            let space = try Self.blockwise(call, "space")
            let device = try Self.device(call)
            let settings = try Self.settings(call)
            let (input, batch) = try Self.batchedInput(call)
            let lut = try Self.hardware("space") {
                try call.session.profileLatency(space: space, device: device, input: input ?? space.defaultInput, batch: batch,
                                                settings: settings, name: try call.optionalString("name"))
            }
            return .object(LUTValue(lut, space: space, device: device))
        })
        register(Builtin("lut_sum", category: "hardware", summary: "a latency table as a predictor: the sum of a network's parts",
                         help: "Returns the latency table's predictor: an architecture's latency is the sum of its parts' entries (plain table), or the fixed part plus its blocks' in-context entries (corrected table). With `a` (an architecture or a list of them) it returns the prediction itself, in seconds. A part the table lacks, or an architecture of another space, is an error.",
                         parameters: [Parameter("lut", .any, help: "a latency table, from profile() or load_lut(), or correct()'s predictor"),
                                      Parameter("a", .any, default: Value.none, help: "an architecture or a list of them to predict")],
                         example: "p = lut_sum(t)\nlut_sum(t, arch(fbnet(), \"0000000000000000000000\"))") { call in
            let lut = try Self.lut(call, "lut")
            let predictor: any LatencyPredictor = lut.metadata.kind == .plain ? LUTPredictor(lut) : try CorrectedLUT(lut)
            guard !call.isNone("a") else { return .object(PredictorValue(predictor)) }
            let predict = { (a: ArchitectureValue) throws -> Value in
                .number(.seconds(try Self.hardware("a") { try predictor.predict(a.architecture, in: a.space) }))
            }
            if case .list(let items) = call["a"] {
                return .list(try items.map { item in
                    guard case .object(let o) = item, let a = o as? ArchitectureValue else {
                        throw BuiltinError("a must be an architecture or a list of them, but one item is \(item.kindDescription)", argument: "a")
                    }
                    return try predict(a)
                })
            }
            return try predict(try call.architecture("a"))
        })
        register(Builtin("correct", category: "hardware", summary: "a latency table corrected with whole-network measurements (Zeng et al.)",
                         help: """
                         Corrects a plain latency table on its device with whole networks. Method 1: in the specified \
                         network SN of `reference` (every position that block type), measure SN and each SN with one \
                         block l replaced by type n (BN(n, l)); a block's in-context latency is L_SNblock(l) + (L_BN(n, l) \
                         − L_SN), the fixed part is L_SN − Σ_l L_SNblock(l), and a prediction is the fixed part plus the \
                         blocks' in-context latencies. Each BN is measured beside SN: on naslab's engine their calls \
                         alternate, three at a time, so whatever slows the machine for longer than that reaches both \
                         sides of the difference (a device that cannot interleave measures SN before and after each position's \
                         replacements); the fixed part takes SN's median beside each position, its fastest pass, and the \
                         median over positions. It costs Σ_l options(l) whole networks per pass (198 for FBNet); the \
                         set is measured `passes` times (3) and each entry keeps the median of its differences, so a \
                         burst of other work during one measurement is outvoted. Method 2 does \
                         the same in every specified network and averages (one such set per block type). The default \
                         reference is the type whose specified network is lightest in the table (FBNet's skip): measured \
                         here, heavier references made the entries less additive. With `calibrate` above 0, that many \
                         random networks of the space (seed 0; none a specified network or one block from one) are then \
                         measured whole and the table is rescaled to them by least squares (every block entry times the \
                         slope, the fixed part plus the intercept): a block among a specified network's neighbours can cost \
                         another amount than among a searched network's (measured on one host: method 1 8% low, within \
                         ±10% for 73–76.5% of held-out fbnet(width: 0.35) networks; calibrated on 20, 99.5–100%). Returns the \
                         corrected table's predictor; the table is saved in the store (default name space@device+corrected). \
                         The table's space and device are used unless `on` and `device` are given.
                         """,
                         parameters: [Parameter("lut", .object("lut"), help: "a plain latency table, from profile() or load_lut()"),
                                      Parameter("method", .integer, default: .number(1), keywordOnly: true, help: "1 (one reference network) or 2 (all, averaged)"),
                                      Parameter("reference", .string, default: Value.none, keywordOnly: true, help: "method 1's block type (default: the one of the lightest specified network)"),
                                      Parameter("device", .object("device"), default: Value.none, keywordOnly: true, help: "the table's device (when loaded from a file)"),
                                      Parameter("on", .object("space"), default: Value.none, keywordOnly: true, help: "the table's space (when loaded from a file)"),
                                      Parameter("repeats", .integer, default: .number(15), keywordOnly: true, help: "timed calls per network"),
                                      Parameter("warmup", .integer, default: .number(3), keywordOnly: true, help: "untimed calls first"),
                                      Parameter("passes", .integer, default: .number(3), keywordOnly: true,
                                                help: "times the whole set is measured; each entry keeps the median of its passes"),
                                      Parameter("calibrate", .integer, default: .number(0), keywordOnly: true,
                                                help: "random networks to rescale the corrected table to (0: none)"),
                                      Parameter("name", .string, default: Value.none, keywordOnly: true, help: "the name it is stored under")],
                         paper: "Zeng, Sun, Xing, Ning, Shan, Chen, Wang & Yang, Black Box Search Space Profiling for Accelerator-Aware Neural Architecture Search, ASP-DAC 2020",
                         example: "t = profile(basenet(), input: [1, 3, 32, 32])\nc = correct(t, method: 1)\nc2 = correct(t, method: 2, passes: 1)\nc3 = correct(t, method: 1, calibrate: 20)") { call in
            let value = try call.object("lut", as: LUTValue.self)
            let space = try call.isNone("on") ? value.space : Self.blockwise(call, "on")
            guard let space else { throw BuiltinError("the table was loaded from a file; give its space with on:", argument: "on") }
            let device = try call.isNone("device") ? value.device : call.object("device", as: DeviceValue.self).device
            guard let device else { throw BuiltinError("the table was loaded from a file; give its device with device:", argument: "device") }
            let method = try Self.correctionMethod(call, lut: value.lut, space: space)
            let settings = try Self.settings(call)
            let corrected = try Self.hardware("lut") {
                try call.session.correctLatency(value.lut, space: space, device: device, method: method, settings: settings,
                                                passes: try call.int("passes"), calibration: try Self.calibration(call),
                                                name: try call.optionalString("name"))
            }
            return .object(PredictorValue(corrected))
        })
    }

    private func registerTableFiles() {
        register(Builtin("save_lut", category: "hardware", summary: "write a latency table to a CSV file",
                         help: "Writes a latency table (plain, or corrected's predictor) to `path` as CSV: its metadata as `# name: value` lines (name, kind, space, device, threads, batch, input, classes, engine, measured, measurements, method, entries), then `key,seconds,cv` rows with exact seconds. Returns the path.",
                         parameters: [Parameter("lut", .any, help: "a latency table, or correct()'s predictor"), Parameter("path", .string, help: "a .csv file")],
                         example: "save_lut(t, \"fbnet-lut.csv\")") { call in
            let lut = try Self.lut(call, "lut")
            let path = try call.string("path")
            try Self.hardware("path") { try lut.write(csv: path) }
            return .string(path)
        })
        register(Builtin("load_lut", category: "hardware", summary: "read a latency table from a CSV file or the store",
                         help: "Reads a latency table written by save_lut() (a path ending in .csv), or the latest table of that name in the workspace's store (see luts()). A bad or truncated file is an error naming its file and line, and nothing is loaded. Give `space` to keep it with the table, so that correct() needs no on:.",
                         parameters: [Parameter("source", .string, help: "a .csv path or a stored table's name"),
                                      Parameter("space", .object("space"), default: Value.none, keywordOnly: true, help: "the table's space")],
                         example: "t = load_lut(\"fbnet-lut.csv\", space: fbnet())") { call in
            let source = try call.string("source")
            let lut = try Self.hardware("source") {
                source.lowercased().hasSuffix(".csv") ? try LatencyLUT.read(csv: source) : try call.session.latencyLUT(named: source)
            }
            guard !call.isNone("space") else { return .object(LUTValue(lut)) }
            let space = try Self.blockwise(call, "space")
            guard space.name == lut.metadata.space else {
                throw BuiltinError("the table is of the \(lut.metadata.space) space, not \(space.name)", argument: "space")
            }
            return .object(LUTValue(lut, space: space))
        })
        register(Builtin("luts", category: "hardware", summary: "the latency tables in the store, or one table's entries",
                         help: "Without a name: one row per latency table in the workspace's store (name, kind, space, device, batch, threads, input, engine, date, entries, measurements). With a name: the latest table of that name as rows key, latency, cv, read from the store as the pipeline asks (`luts(\"fbnet@naslab-cpu/1t\") | where cv > 5% | sort latency desc`), to join with trials and other tables.",
                         parameters: [Parameter("name", .string, default: Value.none, help: "a stored table's name")],
                         example: "luts()\nluts(t.name) | sort latency desc | take 5") { call in
            guard let name = try call.optionalString("name") else { return .table(TableValue(try call.session.latencyLUTs())) }
            return .table(TableValue(try call.session.latencyLUTRows(name)))
        })
    }
}

extension BuiltinRegistry {
    /// Runs hardware work, turning a hardware or space error into a `BuiltinError` that blames `argument`.
    static func hardware<T>(_ argument: String?, _ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as HardwareError {
            throw BuiltinError(error.description, argument: argument)
        } catch let error as SpaceError {
            throw BuiltinError(error.message, argument: argument)
        }
    }

    /// The `device` argument, or this machine's engine at one thread.
    static func device(_ call: BuiltinCall) throws -> any Device {
        call.isNone("device") ? try EngineDevice(threads: 1) : try call.object("device", as: DeviceValue.self).device
    }

    /// The `warmup` and `repeats` arguments, checked.
    static func settings(_ call: BuiltinCall) throws -> MeasurementSettings {
        let settings = MeasurementSettings(warmup: try call.int("warmup"), repeats: try call.int("repeats"))
        try hardware("repeats") { try settings.validate() }
        return settings
    }

    /// The `input` argument as a sample shape and a batch: [batch, c, h, w] or [c, h, w] (batch 1); nil shape when left out.
    static func batchedInput(_ call: BuiltinCall) throws -> (TensorShape?, Int) {
        guard !call.isNone("input") else { return (nil, 1) }
        let items = try call.list("input")
        let numbers = try items.map { item -> Int in
            guard case .number(let q) = item, let n = q.wholeNumber, n >= 1, n < 1_000_000 else {
                throw BuiltinError("input must be [batch, channels, height, width] of positive whole numbers, but one item is \(item.kindDescription)",
                                   argument: "input")
            }
            return n
        }
        switch numbers.count {
        case 4: return (TensorShape(channels: numbers[1], height: numbers[2], width: numbers[3]), numbers[0])
        case 3: return (TensorShape(channels: numbers[0], height: numbers[1], width: numbers[2]), 1)
        default: throw BuiltinError("input must be [batch, channels, height, width], got \(numbers.count) numbers", argument: "input")
        }
    }

    /// A blockwise space argument.
    static func blockwise(_ call: BuiltinCall, _ name: String) throws -> any BlockwiseSpace {
        let space = try call.space(name)
        guard let blockwise = space as? any BlockwiseSpace else {
            throw BuiltinError("the \(space.name) space is not blockwise (one block per position of a fixed skeleton, like fbnet), so it has no latency table",
                               argument: name)
        }
        return blockwise
    }

    /// The table behind a latency-table argument: a table value, or a predictor made from one.
    static func lut(_ call: BuiltinCall, _ name: String) throws -> LatencyLUT {
        if case .object(let o) = call[name] {
            if let v = o as? LUTValue { return v.lut }
            if let p = o as? PredictorValue {
                if let c = p.predictor as? CorrectedLUT { return c.lut }
                if let s = p.predictor as? LUTPredictor { return s.lut }
            }
        }
        throw BuiltinError("\(name) must be a latency table (from profile() or load_lut()) or correct()'s predictor, got \(call[name].kindDescription)",
                           argument: name)
    }

    /// The `calibrate` argument: 0 (none), or 3 or more random networks.
    static func calibration(_ call: BuiltinCall) throws -> Int {
        let n = try call.int("calibrate")
        guard n == 0 || (3...10_000).contains(n) else {
            throw BuiltinError("calibrate must be 0 (none) or 3 to 10000 random networks, got \(n)", argument: "calibrate")
        }
        return n
    }

    /// The correction method of the `method` and `reference` arguments.
    static func correctionMethod(_ call: BuiltinCall, lut: LatencyLUT, space: any BlockwiseSpace) throws -> CorrectionMethod {
        switch try call.int("method") {
        case 1:
            guard let reference = try call.optionalString("reference") else {
                return .single(reference: try hardware("lut") { try LUTCorrection.defaultReference(for: lut, in: space) })
            }
            _ = try hardware("reference") { try LUTCorrection.referenceTypes(.single(reference: reference), in: space) }
            return .single(reference: reference)
        case 2:
            guard call.isNone("reference") else {
                throw BuiltinError("method 2 uses every specified network as a reference; leave out reference", argument: "reference")
            }
            return .averaged
        case let m:
            throw BuiltinError("method must be 1 (one reference specified network) or 2 (every one, averaged), got \(m)", argument: "method")
        }
    }

    /// A measurement as the record `measure` returns.
    static func record(_ m: LatencyMeasurement, estimate: Int) -> Record {
        var fields: [(String, Value)] = [("latency", .number(.seconds(m.median))), ("p10", .number(.seconds(m.p10))),
                                         ("p90", .number(.seconds(m.p90))), ("min", .number(.seconds(m.minimum))),
                                         ("cv", .number(.fraction(m.coefficientOfVariation)))]
        fields.append(("peak_memory", m.peakMemoryBytes.map { .number(.bytes(Double($0))) } ?? Value.none))
        fields.append(("memory_estimate", .number(.bytes(Double(estimate)))))
        fields.append(("repeats", .number(Double(m.samples.count))))
        return Record(fields)
    }
}
