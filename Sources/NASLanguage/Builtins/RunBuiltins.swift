import Foundation
import NASCore
import NASEngine
import NASHardware
import NASSearch
import NASSpaces

/// Builtins that launch search runs and follow them: launch, run, runs, status, wait, cancel, resume,
/// and simulate (many seeds in memory).
extension BuiltinRegistry {
    /// Registers the run builtins.
    func registerRunBuiltins() {
        registerLaunch()
        registerSimulate()
        registerCurveStop()
        registerRunQueries()
        registerRunControl()
    }


    private func registerLaunch() {
        register(Builtin("launch", category: "runs", summary: "start a search run in the background; returns the run at once",
                         help: "Starts `strategy` searching `on` a space, each proposal evaluated `using` an evaluator, until the budget is spent; returns a run value at once while the run works in the background (the REPL stays usable; a script waits for its runs before it exits). Every trial is recorded in the workspace's store as it finishes: query it with r.trials or trials(r) while it works. The budget is a number of trials (60), or a time: simulated seconds charged by a tabular benchmark (20000s on nb201, as in NATS-Bench), or real seconds for other evaluators (say which with clock: \"simulated\" or \"wall\"). The objective is maximize(\"accuracy\") unless given: another objective value, or a metric name to maximise. Identical work (same architecture, evaluator, fidelity and seed) is reused from earlier runs; for an evaluator that trains, an equivalent architecture (the same computation written differently, as identity(a) tells) counts as the same, while a table scores every architecture by its own row.",
                         parameters: [
                            Parameter("strategy", .any, help: "a strategy value such as evolution(population: 20), or a strategy's name"),
                            Parameter("on", .object("space"), help: "the search space"),
                            Parameter("using", .any, help: "the evaluator that scores each architecture, or a list of evaluators and latency tables whose metrics are merged"),
                            Parameter("budget", .number, help: "trials (a plain number) or a time (simulated on tables, else wall-clock)"),
                            Parameter("seed", .integer, default: .number(1), help: "the run's seed: same seed, same run"),
                            Parameter("objective", .any, default: Value.none, help: "an objective value, or a metric name to maximise (default: accuracy); a list of them for nsga2"),
                            Parameter("constraints", .list, default: .list([]), keywordOnly: true, help: "hard bounds such as [\"latency < 20ms\"]"),
                            Parameter("epochs", .integer, default: Value.none, keywordOnly: true, help: "train or look up at this many epochs (a lower fidelity)"),
                            Parameter("clock", .string, default: .string("auto"), keywordOnly: true, help: "for a time budget: \"simulated\", \"wall\", or \"auto\" (simulated on tabular benchmarks)"),
                            Parameter("early_stop", .any, default: Value.none, keywordOnly: true, help: "learning-curve early stopping of training trials: curve_stop(…), or its threshold such as 5% (see help(curve_stop))"),
                            Parameter("workers", .integer, default: .number(1), keywordOnly: true, help: "queue workers in this process: 1 evaluates on the run's own thread; more start worker threads; 0 leaves every trial to `naslab worker` processes sharing the store (see docs/scale-out.md)"),
                            Parameter("batch", .integer, default: Value.none, keywordOnly: true, help: "proposals asked for, evaluated and told together (default: the workers, at least 1)"),
                         ],
                         example: "r = launch(evolution(population: 20, sample: 5), on: space, using: ev, budget: 20000s, seed: 1)\nwait(r)\nbest(r)") { call in
            try launchRun(call)
        })
    }

    private func registerSimulate() {
        register(Builtin("simulate", category: "runs", summary: "run a search once per seed, in memory, and tabulate what each run chose",
                         help: "Runs `strategy` on a space with an evaluator once for each seed, in memory: nothing goes to the store, nothing is cached, and the call returns when every run is done. On a tabular benchmark each run reads its trials straight from the table, so a 20,000 s NATS-Bench run on nb201 costs microseconds and a hundred seeds of a strategy take milliseconds: this is the tool for comparing strategies over many seeds. Nothing is shared between runs or reused from the store; on a table a run makes exactly the trials launch makes with the same strategy, evaluator, budget and seed. Returns one row per seed: seed, trials, sim_time (simulated time spent), arch (the architecture chosen: the best at the largest fidelity evaluated), epochs, its metrics and score; with trials: true, one row per trial of every run instead: seed, trial, arch, epochs, metrics, score, best (the best score so far, for best-so-far curves), sim_time (this trial's) and clock (simulated time spent so far). Budget, objective, constraints, epochs and clock mean what they mean for launch. A training evaluator works too, but such runs are neither recorded nor resumable: launch those.",
                         parameters: [
                            Parameter("strategy", .any, help: "a strategy value such as evolution(population: 10, sample: 3), or a strategy's name"),
                            Parameter("on", .object("space"), help: "the search space"),
                            Parameter("using", .any, help: "the evaluator, or a list of evaluators and latency tables whose metrics are merged"),
                            Parameter("budget", .number, help: "per run: trials (a plain number) or a time (simulated on tables, else wall-clock)"),
                            Parameter("seeds", .any, default: .number(10), help: "how many runs (seeds 1…n), or a list of seeds"),
                            Parameter("objective", .any, default: Value.none, help: "an objective value, or a metric name to maximise (default: accuracy); a list of them for nsga2"),
                            Parameter("constraints", .list, default: .list([]), keywordOnly: true, help: "hard bounds such as [\"latency < 20ms\"]"),
                            Parameter("epochs", .integer, default: Value.none, keywordOnly: true, help: "look up or train at this many epochs (a lower fidelity)"),
                            Parameter("clock", .string, default: .string("auto"), keywordOnly: true, help: "for a time budget: \"simulated\", \"wall\", or \"auto\" (simulated on tabular benchmarks)"),
                            Parameter("early_stop", .any, default: Value.none, keywordOnly: true, help: "learning-curve early stopping of training trials, as for launch"),
                            Parameter("trials", .bool, default: .bool(false), keywordOnly: true, help: "one row per trial instead of one per run"),
                         ],
                         example: "runs = simulate(evolution(population: 10, sample: 3), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 20000s, seeds: 100, epochs: 12)\nruns | summarize runs: count(), accuracy: mean(accuracy), std: std(accuracy)") { call in
            try simulateRuns(call)
        })
    }

    private func registerCurveStop() {
        register(Builtin("curve_stop", category: "runs", summary: "learning-curve early stopping, for launch(…, early_stop:)",
                         help: "Describes learning-curve early stopping (Domhan, Springenberg & Hutter, \"Speeding up automatic hyperparameter optimization of deep neural networks by extrapolation of learning curves\", IJCAI 2015) for launch's early_stop: option. After `after` epochs of a training trial, and after every epoch from then on, four of the paper's parametric curves (pow3, log-power, exp3, ilog2) are fitted to its validation curve so far by least squares, mixed by BIC weights instead of the paper's MCMC, and extrapolated to the trial's full epochs; when the probability that it ends above the run's best fully trained accuracy at the same epochs is below `threshold`, the trial stops there. A stopped trial is recorded as done with its partial curve, pruned = 1 and epochs_trained (every training trial has both columns), so r.trials | summarize trained: sum(epochs_trained), stopped: sum(pruned) shows what it saved against a run without it. Stopped results are kept in the result cache under the early-stopping setting, so they never stand in for a full training. It needs an evaluator from train(…), trials longer than `after` epochs, and the objective accuracy; the first trial of each epoch count always trains fully.",
                         parameters: [
                            Parameter("threshold", .number, default: .number(0.05), help: "stop below this probability of beating the best so far (the paper uses 5%)"),
                            Parameter("after", .integer, default: .number(3), help: "epochs seen before the first decision (at least 3)"),
                         ],
                         paper: "Domhan, Springenberg & Hutter, Speeding up Automatic Hyperparameter Optimization of Deep Neural Networks by Extrapolation of Learning Curves, IJCAI 2015",
                         example: "r = launch(random(), on: space, using: ev, budget: 20, early_stop: curve_stop(threshold: 5%, after: 3))") { call in
            let stopping = try earlyStopping(threshold: try call.double("threshold"), after: try call.int("after"), argument: "threshold")
            return .record(Record([("early_stop", .string("curve")), ("threshold", .number(stopping.threshold)),
                                   ("after", .number(Double(stopping.minEpochs)))]))
        })
    }

    private func registerRunQueries() {
        register(Builtin("run", category: "runs", summary: "a run of the store, by its id",
                         help: "Returns the run with this id from the workspace's store, whichever session launched it: its status, trials and best trial can be read (r.status, r.trials, best(r)).",
                         parameters: [Parameter("id", .integer, help: "the run's id, as the runs table shows it")], example: "r = run(3)\nbest(r)") { call in
            let id = Int64(try call.int("id"))
            guard try call.session.runRecord(id) != nil else {
                throw BuiltinError("no run \(id) in the store \(call.session.workspace.path)/store.sqlite; see runs()", argument: "id")
            }
            return .object(RunValue(id: id, session: call.session))
        })
        register(Builtin("runs", category: "runs", summary: "the table of every run in the store",
                         help: "Returns one row per run of the workspace's store: run, strategy, space, evaluator, objective, budget, seed, status, trials, created, finished, error. It is store-backed: where, sort, take and select run as SQL.",
                         example: "runs() | where status == \"done\" | sort run desc | take 5") { call in
            .table(TableValue(try call.session.runsTable()))
        })
        register(Builtin("status", category: "runs", summary: "where a run stands, as a record",
                         help: "Returns a record with the run's id, status (running, done, failed, cancelled), trials finished, budget, best value of its objective, simulated and wall time spent, and the progress line.",
                         parameters: [Parameter("run", .object("run"), help: "a run, from launch() or run(id)")], example: "status(r).trials") { call in
            let run = try call.object("run", as: RunValue.self)
            let p = try call.session.runProgress(run.id)
            return .record(Record([
                ("id", .number(Double(run.id))), ("status", .string(p.status.rawValue)), ("trials", .number(Double(p.trials))),
                ("budget", .string(RunValue.describe(p.budget))),
                ("best", p.bestValue.map { .number(MetricCatalogue.quantity(p.metric, $0)) } ?? .none),
                ("simulated_time", .number(Quantity.seconds(p.simulatedSeconds))), ("wall_time", .number(Quantity.seconds(p.wallSeconds))),
                ("line", .string(p.line)),
            ]))
        })
    }

    private func registerRunControl() {
        register(Builtin("wait", category: "runs", summary: "wait until a run (or every run) stops",
                         help: "Blocks until the run has stopped (budget spent, strategy finished, cancelled or failed) and returns it; without an argument, waits for every run of this session. Ctrl-C stops waiting (the run keeps working). A failed run makes wait an error that says why.",
                         parameters: [Parameter("run", .object("run"), default: Value.none, help: "a run; every run of this session when left out")], example: "wait(r)\nprint(r.status)") { call in
            guard !call.isNone("run") else {
                for handle in call.session.runHandles { try waitFor(handle, call) }
                return .none
            }
            let run = try call.object("run", as: RunValue.self)
            if let handle = try call.session.runHandle(run.id) {
                try waitFor(handle, call)
                if case .failed = handle.progress.status { throw BuiltinError("run \(run.id) failed: \(handle.progress.error ?? "unknown error")", argument: "run") }
            }
            return .object(run)
        })
        register(Builtin("cancel", category: "runs", summary: "stop a run (it can be resumed)",
                         help: "Asks the run to stop after its current trial, waits until it has, and returns it with status cancelled. Every finished trial stays in the store; resume(r) continues where it stopped.",
                         parameters: [Parameter("run", .object("run"), help: "a run, from launch() or run(id)")], example: "cancel(r)\nresume(r)") { call in
            let run = try call.object("run", as: RunValue.self)
            guard let handle = try call.session.runHandle(run.id), !handle.isFinished else {
                let status = try call.session.runProgress(run.id).status
                throw BuiltinError("run \(run.id) is not working in this session (it is \(status.rawValue)); there is nothing to cancel", argument: "run")
            }
            handle.cancel()
            handle.wait()
            return .object(run)
        })
        register(Builtin("resume", category: "runs", summary: "continue a cancelled or interrupted run",
                         help: "Continues a run that was cancelled, or whose process was killed, from its last checkpoint: no finished trial is lost or repeated, and the run ends as if it had never stopped. A run launched in this session remembers its strategy, space and evaluator; for a run of an earlier session (run(id)), give its space and evaluator again with on: and using: (they must match the run's); its strategy is rebuilt from the settings the store kept, or given with strategy:.",
                         parameters: [Parameter("run", .object("run"), help: "a run, from launch() or run(id)"),
                                      Parameter("strategy", .object("strategy"), default: Value.none, keywordOnly: true, help: "the run's strategy (for a run of an earlier session)"),
                                      Parameter("on", .object("space"), default: Value.none, keywordOnly: true, help: "the run's space (for a run of an earlier session)"),
                                      Parameter("using", .any, default: Value.none, keywordOnly: true, help: "the run's evaluator (for a run of an earlier session)"),
                                      Parameter("objective", .any, default: Value.none, keywordOnly: true, help: "the run's objective, when it was not a plain metric")],
                         example: "r = run(3)\nresume(r, on: nb201(), using: nb201(dataset: \"cifar10\"))") { call in
            try resumeRun(call)
        })
    }
}

// MARK: - Bodies

private func launchRun(_ call: BuiltinCall) throws -> Value {
    var request = try searchRequest(call)
    request.workers = try call.int("workers")
    guard (0...256).contains(request.workers) else { throw BuiltinError("workers must be from 0 to 256, got \(request.workers)", argument: "workers") }
    if !call.isNone("batch") {
        let batch = try call.int("batch")
        guard (1...4096).contains(batch) else { throw BuiltinError("batch must be from 1 to 4096, got \(batch)", argument: "batch") }
        request.batch = batch
    }
    let handle = try engineCall(call) {
        do { return try call.session.launch(request) } catch let error as RunError {
            guard case .notDescribable = error else { throw error }
            throw BuiltinError(error.description, argument: "workers")
        }
    }
    return .object(RunValue(id: handle.id, session: call.session))
}

private func simulateRuns(_ call: BuiltinCall) throws -> Value {
    let request = try searchRequest(call)
    let seeds = try seedsArgument(call)
    let perTrial = try call.bool("trials")
    let runs = try engineCall(call) {
        try call.blaming("using") { try call.session.simulate(request, seeds: seeds, keepTrials: perTrial) }
    }
    return .table(TableValue(perTrial ? runs.trialsTable : runs.table))
}

/// The search request of launch and simulate, from their arguments.
private func searchRequest(_ call: BuiltinCall) throws -> SearchRequest {
    let strategy = try strategyValue(call)
    let evaluator = try evaluatorArgument(call, "using")
    let seed = call.given.contains("seed") ? try call.int("seed") : 1
    guard seed >= 0 else { throw BuiltinError("the seed must be 0 or more", argument: "seed") }
    let budget = try engineCall(call) {
        try SearchRequest.budget(try call.quantity("budget"), clock: try call.string("clock"), evaluator: evaluator)
    }
    return SearchRequest(strategy: strategy.name, settings: strategy.settings, space: try call.object("on", as: SpaceValue.self).space,
                         evaluator: evaluator, objectives: try objectives(call, constraints: try constraints(call, "constraints")),
                         budget: budget, seed: UInt64(seed), fidelity: try fidelityArgument(call),
                         earlyStopping: try earlyStoppingArgument(call),
                         script: call.interpreter.currentSource)
}

/// Runs an engine call, blaming a request's errors on the argument they are about.
private func engineCall<T>(_ call: BuiltinCall, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SearchRequestError {
        switch error {
        case .budget: throw BuiltinError(error.description, argument: "budget")
        case .clock: throw BuiltinError(error.description, argument: "clock")
        case .earlyStopping: throw BuiltinError(error.description, argument: "early_stop")
        }
    } catch let error as StrategyError {
        throw BuiltinError(error.message, argument: "strategy")
    }
}

/// The seeds of simulate: a count n (seeds 1…n) or a list of seeds, each a whole number of 0 or more.
private func seedsArgument(_ call: BuiltinCall) throws -> [UInt64] {
    func seed(_ value: Value) throws -> UInt64 {
        guard case .number(let q) = value, q.dimension == .scalar, q.value >= 0, q.value == q.value.rounded(), q.value < 9e15 else {
            throw BuiltinError("seeds must be whole numbers of 0 or more, got \(value.kindDescription)", argument: "seeds")
        }
        return UInt64(q.value)
    }
    switch call["seeds"] {
    case .number(let q):
        guard q.dimension == .scalar, q.value >= 1, q.value == q.value.rounded(), q.value <= 100_000 else {
            throw BuiltinError("seeds is a number of runs from 1 to 100000 (or a list of seeds), got \(q)", argument: "seeds")
        }
        return (1...UInt64(q.value)).map { $0 }
    case .list(let items):
        guard !items.isEmpty else { throw BuiltinError("seeds needs at least one seed", argument: "seeds") }
        return try items.map(seed)
    case let other:
        throw BuiltinError("seeds must be a number of runs or a list of seeds, got \(other.kindDescription)", argument: "seeds")
    }
}

/// The epochs argument of launch and simulate as a fidelity (full when left out).
private func fidelityArgument(_ call: BuiltinCall) throws -> Fidelity {
    guard !call.isNone("epochs") else { return .full }
    let epochs = try call.int("epochs")
    guard epochs >= 1 else { throw BuiltinError("epochs must be at least 1", argument: "epochs") }
    return Fidelity(epochs: epochs)
}

private func resumeRun(_ call: BuiltinCall) throws -> Value {
    let run = try call.object("run", as: RunValue.self)
    let strategy = call.isNone("strategy") ? nil : try call.object("strategy", as: StrategyValue.self)
    let space = call.isNone("on") ? nil : try call.object("on", as: SpaceValue.self).space
    let evaluator = call.isNone("using") ? nil : try evaluatorArgument(call, "using")
    let objectives = try objectives(call, constraints: [])
    do {
        _ = try call.session.resume(run.id, strategy: strategy.map { ($0.name, $0.settings) }, space: space, evaluator: evaluator,
                                    objectives: objectives)
    } catch RunError.launchedElsewhere(let id) {
        throw BuiltinError("\(RunError.launchedElsewhere(id))", argument: "run")
    }
    return .object(RunValue(id: run.id, session: call.session))
}

/// launch's early_stop argument: a record from curve_stop(…), or a bare threshold; nil when left out.
private func earlyStoppingArgument(_ call: BuiltinCall) throws -> EarlyStopping? {
    switch call["early_stop"] {
    case .none: return nil
    case .number(let q): return try earlyStopping(threshold: q.value, after: 3, argument: "early_stop")
    case .record(let r):
        guard case .string("curve")? = r["early_stop"], case .number(let t)? = r["threshold"], case .number(let a)? = r["after"] else {
            throw BuiltinError("early_stop must come from curve_stop(…)", argument: "early_stop")
        }
        return try earlyStopping(threshold: t.value, after: Int(a.value), argument: "early_stop")
    default:
        throw BuiltinError("early_stop must be curve_stop(…) or a threshold such as 5%, got \(call["early_stop"].kindDescription)", argument: "early_stop")
    }
}

/// The early-stopping setting, its errors in the user's terms.
private func earlyStopping(threshold: Double, after: Int, argument: String) throws -> EarlyStopping {
    do { return try EarlyStopping(threshold: threshold, minEpochs: after) } catch { throw BuiltinError("\(error)", argument: argument) }
}

/// An evaluator argument: an evaluator, a latency table, a latency predictor, or a list of them (their metrics merged).
func evaluatorArgument(_ call: BuiltinCall, _ name: String) throws -> any Evaluator {
    func one(_ value: Value) throws -> any Evaluator {
        if case .object(let o) = value {
            if let e = o as? EvaluatorValue { return e.evaluator }
            if let t = o as? LatencyTableValue { return EvaluatorCatalogue.evaluator(t.table) }
            if let p = o as? PredictorValue { return PredictedLatencyEvaluator(p.predictor) }
        }
        throw BuiltinError("\(name) must be an evaluator, a latency table, a latency predictor or a list of them, got \(value.kindDescription)", argument: name)
    }
    guard case .list(let items) = call[name] else { return try one(call[name]) }
    guard !items.isEmpty else { throw BuiltinError("\(name) needs at least one evaluator", argument: name) }
    return items.count == 1 ? try one(items[0]) : CombinedEvaluator(try items.map(one))
}

/// The strategy argument: a strategy value, or a name (with its default settings).
private func strategyValue(_ call: BuiltinCall) throws -> StrategyValue {
    switch call["strategy"] {
    case .object(let o as StrategyValue): return o
    case .string(let name):
        do { return try StrategyValue(name: name, given: [:]) } catch { throw BuiltinError("\(error)", argument: "strategy") }
    case .function(let f) where StrategyRegistry.entry(f.name) != nil:
        return try StrategyValue(name: f.name, given: [:])
    default:
        throw BuiltinError("strategy must be a strategy such as evolution() or random(), got \(call["strategy"].kindDescription)", argument: "strategy")
    }
}

/// Every objective the argument gives (none when it is left out and there are no constraints).
private func objectives(_ call: BuiltinCall, constraints extra: [Constraint]) throws -> [Objective] {
    func one(_ value: Value) throws -> Objective {
        switch value {
        case .object(let o as ObjectiveValue): return o.objective
        case .string(let metric): return .maximize(metric)
        default:
            throw BuiltinError("objective must be maximize(…), minimize(…), mnasnet_reward(…), a metric name, or a list of them, got \(value.kindDescription)", argument: "objective")
        }
    }
    var list: [Objective]
    switch call["objective"] {
    case .none: list = extra.isEmpty ? [] : [.maximize()]
    case .list(let items): list = try items.map(one)
    case let value: list = [try one(value)]
    }
    for i in list.indices { list[i].constraints += extra }
    return list
}

/// Waits for a run, polling Ctrl-C (which stops the wait, not the run).
private func waitFor(_ handle: RunHandle, _ call: BuiltinCall) throws {
    while !handle.isFinished {
        try call.checkInterrupt()
        handle.wait(timeout: 0.05)
    }
}
