import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// One search run for each of many seeds, in memory: the fast path for simulated studies.
///
/// Each seed is one `SearchLoop` run: no store, no result cache, no background job. On a tabular
/// benchmark the loop reads each trial's result from the evaluator's table, so a 20,000-second
/// NATS-Bench run of regularised evolution on NB201 costs a few microseconds and a hundred seeds
/// of three strategies take a few milliseconds. On a table a run makes exactly the trials a
/// launched run makes with the same strategy, evaluator, budget and seed (a golden script checks it
/// for random search and evolution). Training evaluators work too, but then a run is neither
/// recorded nor resumable: launch such searches instead.
public struct Simulation: Sendable {
    /// The strategy's catalogue name and settings.
    public var strategy: String
    public var settings: [String: Double]
    /// The space searched.
    public var space: any SearchSpace
    /// The evaluator, before the default fidelity and the fidelity adaptation are applied.
    public var evaluator: any Evaluator
    /// What the runs optimise; the first of `objectives` when the strategy is multi-objective.
    public var objective: Objective
    /// The objectives of a multi-objective strategy (none otherwise).
    public var objectives: [Objective]
    /// When each run stops.
    public var budget: RunBudget
    /// The fidelity of proposals that leave it to the evaluator (`epochs:`).
    public var fidelity: Fidelity
    /// One run per seed, in this order.
    public var seeds: [UInt64]

    /// Describes a simulation.
    public init(strategy: String, settings: [String: Double], space: any SearchSpace, evaluator: any Evaluator,
                objective: Objective, objectives: [Objective] = [], budget: RunBudget, fidelity: Fidelity = .full,
                seeds: [UInt64]) {
        self.strategy = strategy
        self.settings = settings
        self.space = space
        self.evaluator = evaluator
        self.objective = objective
        self.objectives = objectives
        self.budget = budget
        self.fidelity = fidelity
        self.seeds = seeds
    }

    /// The runs, one per seed, and the tables made from them on demand.
    public struct Runs: Sendable {
        /// The simulation that made them.
        let simulation: Simulation
        /// Each seed's outcome, in the order of the seeds.
        public let outcomes: [(seed: UInt64, outcome: SearchLoop.Outcome)]

        /// One row per seed: seed, trials, sim_time, arch, epochs, the chosen trial's metrics, score.
        public var table: Table { simulation.runsTable(outcomes) }
        /// One row per trial of every run: seed, trial, arch, epochs, metrics, score, best, sim_time, clock.
        public var trialsTable: Table { simulation.trialsTable(outcomes) }
    }

    /// Runs every seed; throws the first error (an architecture the evaluator cannot score, a cancel).
    public func run(cancel: CancellationToken) throws -> Runs {
        let evaluator = evaluatorForRuns()
        var outcomes: [(seed: UInt64, outcome: SearchLoop.Outcome)] = []
        outcomes.reserveCapacity(seeds.count)
        for seed in seeds {
            try cancel.check()
            let strategy = try StrategyCatalog.make(self.strategy, settings: settings, space: space, seed: seed,
                                                    maxEpochs: evaluator.maxEpochs, objectives: objectives)
            let loop = SearchLoop(space: space, evaluator: evaluator, objective: objective, budget: searchBudget, seed: seed)
            outcomes.append((seed, try loop.run(strategy, cancel: cancel)))
        }
        return Runs(simulation: self, outcomes: outcomes)
    }

    /// The evaluator each run uses: full-fidelity requests at `fidelity`, and for a multi-fidelity
    /// strategy on NB201 every rung at the nearest epoch count the table has (as `launch` does).
    func evaluatorForRuns() -> any Evaluator {
        let adapted = Session.fidelityAdapted(evaluator, strategy: strategy)
        return fidelity == .full ? adapted : DefaultFidelityEvaluator(adapted, fidelity: fidelity)
    }

    /// The loop's budget for the run budget.
    var searchBudget: Budget {
        switch budget {
        case .trials(let n): return .trials(n)
        case .wallSeconds(let s): return .wall(s)
        case .simulatedSeconds(let s): return .simulated(s)
        }
    }

    /// The epochs a trial was asked at (its own, else `epochs:`), none when left to the evaluator.
    func epochs(of trial: SearchTrial) -> Int? {
        trial.proposal.fidelity.epochs ?? fidelity.epochs
    }

    /// The metric names of `results`, in a stable order: the standard ones first, then the rest by name.
    static func metricNames(_ results: [TrialResult]) -> [String] {
        var seen = Set<String>()
        for result in results { seen.formUnion(result.metrics.keys) }
        let standard = MetricKey.standardNames
        return standard.filter(seen.contains) + seen.subtracting(standard).sorted()
    }

    /// The metric cells of `result` for `names` (none where it lacks one).
    static func metricCells(_ result: TrialResult, _ names: [String]) -> [Cell] {
        names.map { name in result.value(of: name).map { .number(MetricCatalog.quantity(name, $0)) } ?? .null }
    }

    /// One row per seed: what the run chose and what it spent.
    func runsTable(_ outcomes: [(seed: UInt64, outcome: SearchLoop.Outcome)]) -> Table {
        let chosen = outcomes.map { $0.outcome.best }
        let names = Simulation.metricNames(chosen.compactMap { $0?.result })
        let rows: [[Cell]] = zip(outcomes, chosen).map { run, best in
            let head: [Cell] = [.number(Quantity(Double(run.seed))), .number(Quantity(Double(run.outcome.trials.count))),
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
        guard case let .metric(name, _) = objective.target else { return .number(Quantity(value)) }
        return .number(MetricCatalog.quantity(name, value))
    }
}
