import Foundation
import NASCore
import NASSearch
import NASSpaces

/// One search run for each of many seeds, in memory: the fast path for simulated studies.
///
/// Each seed is one `SearchLoop` run without a recorder: no store, no background job. On a tabular
/// benchmark the loop reads each trial's result from the evaluator's table, so a 20,000-second
/// NATS-Bench run of regularised evolution on NB201 costs a few microseconds and a hundred seeds
/// of three strategies take a few milliseconds. A run makes exactly the trials a launched run of the
/// same request and seed makes (both are the one loop; tests check it on a table, a CSV table and
/// real training). Training evaluators work too, but then a run is neither recorded nor resumable:
/// launch such searches instead. Memory is bounded: a run keeps only its incumbent, or with
/// `keepsTrials` every trial up to `TrialKeeping.defaultLimit` over all seeds (more is an error).
public struct Simulation: Sendable {
    /// The search to run, once per seed (its own seed is ignored).
    public var request: SearchRequest
    /// One run per seed, in this order.
    public var seeds: [UInt64]
    /// Whether every trial is kept for `trialsTable` (bounded: `TrialKeeping.defaultLimit`), or only what each run chose.
    public var keepsTrials: Bool

    /// Describes a simulation.
    public init(request: SearchRequest, seeds: [UInt64], keepsTrials: Bool = false) {
        self.request = request
        self.seeds = seeds
        self.keepsTrials = keepsTrials
    }

    /// The runs, one per seed, and the tables made from them on demand.
    public struct Runs: Sendable {
        /// The simulation that made them.
        let simulation: Simulation
        /// Each seed's outcome, in the order of the seeds.
        public let outcomes: [(seed: UInt64, outcome: SearchLoop.Outcome)]

        /// One row per seed: seed, trials, sim_time, arch, epochs, the chosen trial's metrics, score.
        public var table: Table { simulation.runsTable(outcomes) }
        /// One row per trial of every run (when kept): seed, trial, arch, epochs, metrics, score, best, sim_time, clock.
        public var trialsTable: Table { simulation.trialsTable(outcomes) }
    }

    /// Runs every seed; throws the first error (an architecture the evaluator cannot score, a cancel, too many trials kept).
    /// After each seed, `seedDone` hears how many seeds are done and the best score of any so far.
    public func run(cancel: CancellationToken, seedDone: (Int, Double?) -> Void = { _, _ in }) throws -> Runs {
        var outcomes: [(seed: UInt64, outcome: SearchLoop.Outcome)] = []
        outcomes.reserveCapacity(seeds.count)
        let limit = TrialKeeping.defaultLimit
        if keepsTrials, let trials = request.budget.trials, Double(trials) * Double(seeds.count) > Double(limit) {
            throw SearchRequestError.budget("keeping every trial of \(seeds.count) run(s) of \(trials) trials would pass \(limit) trials in memory; "
                + "give a smaller budget or fewer seeds, or leave out trials: true to get what each run chose")
        }
        var kept = 0
        for seed in seeds {
            try cancel.check()
            let keeping: TrialKeeping = keepsTrials ? .all(limit: limit - kept) : .best
            let loop = SearchLoop(space: request.space, evaluator: request.loopEvaluator, objective: request.objective,
                                  budget: request.budget, seed: seed, fidelity: request.fidelity,
                                  earlyStopping: request.earlyStopping, keeping: keeping)
            let outcome = try loop.run(try request.makeStrategy(seed: seed), cancel: cancel)
            kept += outcome.trials.count
            outcomes.append((seed, outcome))
            let best = outcomes.compactMap { $0.outcome.best?.score }.max()
            seedDone(outcomes.count, best)
        }
        return Runs(simulation: self, outcomes: outcomes)
    }

    /// The space searched.
    var space: any SearchSpace { request.space }

    /// The epochs a trial was evaluated at, none when left to the evaluator.
    func epochs(of trial: SearchTrial) -> Int? { trial.proposal.fidelity.epochs }

    /// The metric names of `results`, in a stable order: the standard ones first, then the rest by name.
    static func metricNames(_ results: [TrialResult]) -> [String] {
        var seen = Set<String>()
        for result in results { seen.formUnion(result.metrics.keys) }
        let standard = MetricKey.standardNames
        return standard.filter(seen.contains) + seen.subtracting(standard).sorted()
    }

    /// The metric cells of `result` for `names` (none where it lacks one).
    static func metricCells(_ result: TrialResult, _ names: [String]) -> [Cell] {
        names.map { name in result.value(of: name).map { .number(MetricCatalogue.quantity(name, $0)) } ?? .null }
    }

    /// One row per seed: what the run chose and what it spent.
    func runsTable(_ outcomes: [(seed: UInt64, outcome: SearchLoop.Outcome)]) -> Table {
        let chosen = outcomes.map { $0.outcome.best }
        let names = Simulation.metricNames(chosen.compactMap { $0?.result })
        let rows: [[Cell]] = zip(outcomes, chosen).map { run, best in
            let head: [Cell] = [.number(Quantity(Double(run.seed))), .number(Quantity(Double(run.outcome.spent.trials))),
                                .number(.seconds(run.outcome.spent.simulatedSeconds))]
            guard let best else { return head + [.null, .null] + names.map { _ in .null } + [.null] }
            return head + [.string(space.canonical(best.proposal.architecture)), epochs(of: best).map { .number(Quantity(Double($0))) } ?? .null]
                + Simulation.metricCells(best.result, names) + [scoreCell(best.score)]
        }
        return Table(columns: ["seed", "trials", "sim_time", "arch", "epochs"] + names + ["score"], rows: rows)
    }

    /// One row per trial of every run, in order.
    func trialsTable(_ outcomes: [(seed: UInt64, outcome: SearchLoop.Outcome)]) -> Table {
        let names = Simulation.metricNames(outcomes.flatMap { $0.outcome.trials.map(\.result) })
        var rows: [[Cell]] = []
        rows.reserveCapacity(outcomes.reduce(0) { $0 + $1.outcome.trials.count })
        for run in outcomes {
            for (i, trial) in run.outcome.trials.enumerated() {
                rows.append([.number(Quantity(Double(run.seed))), .number(Quantity(Double(i + 1))),
                             .string(space.canonical(trial.proposal.architecture)),
                             epochs(of: trial).map { .number(Quantity(Double($0))) } ?? .null]
                            + Simulation.metricCells(trial.result, names)
                            + [scoreCell(trial.score), scoreCell(trial.bestScore), .number(.seconds(trial.result.simulatedSeconds)),
                               .number(.seconds(trial.simulatedClock))])
            }
        }
        return Table(columns: ["seed", "trial", "arch", "epochs"] + names + ["score", "best", "sim_time", "clock"], rows: rows)
    }

    /// A score cell in the objective metric's unit (negated for a minimised metric); none for an infeasible trial.
    func scoreCell(_ value: Double) -> Cell {
        guard value.isFinite else { return .null }
        guard case let .metric(name, _) = request.objective.target else { return .number(Quantity(value)) }
        return .number(MetricCatalogue.quantity(name, value))
    }
}
