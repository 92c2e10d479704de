import Foundation
import NASCore
import NASSpaces

/// BANANAS: Bayesian optimisation with a neural ensemble (White et al., AAAI 2021).
///
/// Architectures are encoded with the space's path encoding where it offers one (else one-hot).
/// After `startupTrials` random architectures, each ask trains an ensemble of `ensembleSize`
/// MLPs on everything seen, builds candidates by mutating the best architectures found so far
/// (the mutation-based acquisition optimiser), scores each candidate with independent Thompson
/// sampling (one draw from a normal with the ensemble's mean and spread), and proposes the
/// top-scoring unseen candidates.
public final class BANANAS: SearchStrategy {
    struct State: Codable {
        var rng: SeededRandom
        var counter = ProposalCounter()
        var observations: [Observation] = []
        var seen: Set<String> = []
        var modelSeed: UInt64
    }

    /// Settings of the ensemble and the acquisition search.
    public struct Settings: Sendable, Hashable, Codable {
        /// Random architectures before the model is used.
        public var startupTrials: Int = BANANAS.entry.integer("startup")
        /// Networks in the ensemble.
        public var ensembleSize: Int = BANANAS.entry.integer("ensemble")
        /// Hidden widths of each network.
        public var hidden = [32, 32]
        /// Training passes over the data per ask.
        public var epochs: Int = BANANAS.entry.integer("epochs")
        /// How many of the best architectures are mutated into candidates.
        public var parents: Int = BANANAS.entry.integer("parents")
        /// Mutations drawn per parent.
        public var mutationsPerParent: Int = BANANAS.entry.integer("mutations")

        /// The paper-like defaults.
        public init() {}
    }

    private let space: any SearchSpace
    private let seed: UInt64
    private let options: Settings
    /// The encoding used: `.path` where the space offers it, else `.onehot`.
    public let encoding: ArchitectureEncoding
    private var state: State

    /// Creates the strategy.
    public init(space: any SearchSpace, settings: Settings = Settings(), seed: UInt64) throws {
        guard settings.startupTrials >= 2, settings.ensembleSize >= 2, settings.parents >= 1,
              settings.mutationsPerParent >= 1, settings.epochs >= 1 else {
            throw StrategyError("BANANAS needs ≥ 2 startup trials, ≥ 2 networks, ≥ 1 parent, mutation and epoch")
        }
        self.space = space
        self.seed = seed
        self.options = settings
        self.encoding = EncodingChoice.best(for: space)
        self.state = State(rng: SeededRandom(seed: seed), modelSeed: seed)
    }

    public var name: String { "bananas" }
    public var settings: [String: String] {
        ["encoding": encoding.rawValue, "ensemble": "\(options.ensembleSize)", "epochs": "\(options.epochs)",
         "startup": "\(options.startupTrials)", "parents": "\(options.parents)",
         "mutations": "\(options.mutationsPerParent)", "seed": "\(seed)"]
    }
    public var isFinished: Bool { false }

    public func ask(_ count: Int) throws -> [Proposal] {
        guard count > 0 else { return [] }
        if state.observations.count < options.startupTrials {
            return (0..<count).map { _ in state.proposeRandom(space: space) }
        }
        let ensemble = try trainEnsemble()
        let candidates = state.mutationCandidates(space: space, parents: options.parents,
                                                  perParent: options.mutationsPerParent)
        var scored: [(Architecture, Double)] = []
        for c in candidates {
            let x = try space.encode(c, as: encoding)
            let predictions = ensemble.map { $0.predict(x) }
            scored.append((c, state.thompsonDraw(predictions)))
        }
        scored.sort { $0.1 > $1.1 }
        var proposals = scored.prefix(count).map { state.propose($0.0, space: space) }
        while proposals.count < count { proposals.append(state.proposeRandom(space: space)) }
        return proposals
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try state.counter.resolve(proposal, strategy: name)
        state.observations.append(Observation(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score))
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }

    /// Trains the ensemble on every finite observation; members differ by initial weights and batch order.
    private func trainEnsemble() throws -> [MLPRegressor] {
        var floor = ScoreFloor()
        state.observations.forEach { floor.observe($0.score) }
        let xs = try state.observations.map { try space.encode($0.architecture, as: encoding) }
        let ys = state.observations.map { floor.finite($0.score) }
        let base = UInt64(state.observations.count) &* 7919 &+ state.modelSeed
        return (0..<options.ensembleSize).map { m in
            var net = MLPRegressor(inputs: xs[0].count, hidden: options.hidden, seed: base &+ UInt64(m) &* 104_729)
            net.fit(xs, ys, epochs: options.epochs, seed: base &+ UInt64(m))
            return net
        }
    }
}

extension BANANAS.State {
    /// A random unseen architecture (or any random one after a few tries).
    mutating func proposeRandom(space: any SearchSpace) -> Proposal {
        var a = space.sample(using: &rng)
        for _ in 0..<20 where seen.contains(space.identity(a)) { a = space.sample(using: &rng) }
        return propose(a, space: space)
    }

    /// Records and returns a proposal.
    mutating func propose(_ a: Architecture, space: any SearchSpace) -> Proposal {
        seen.insert(space.identity(a))
        return counter.propose(a)
    }

    /// Unseen mutants of the best observed architectures, without duplicates.
    mutating func mutationCandidates(space: any SearchSpace, parents: Int, perParent: Int) -> [Architecture] {
        let top = observations.sorted { $0.score > $1.score }.prefix(parents)
        var out: [Architecture] = []
        var keys = seen
        for parent in top {
            for _ in 0..<perParent {
                let child = space.mutate(parent.architecture, using: &rng)
                if keys.insert(space.identity(child)).inserted { out.append(child) }
            }
        }
        return out
    }

    /// One independent Thompson sample: a normal draw with the ensemble's mean and standard deviation.
    mutating func thompsonDraw(_ predictions: [Double]) -> Double {
        let n = Double(predictions.count)
        let mean = predictions.reduce(0, +) / n
        let variance = predictions.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(n - 1, 1)
        return mean + variance.squareRoot() * rng.nextGaussian()
    }
}

extension BANANAS {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "bananas", summary: "BANANAS: Bayesian optimisation with a neural-network ensemble",
        help: "After `startup` random architectures, trains an ensemble of small MLPs on the path encoding of everything seen, builds candidates by mutating the best architectures so far, scores them by independent Thompson sampling from the ensemble's mean and spread, and proposes the best unseen candidate.",
        paper: "White et al., BANANAS: Bayesian Optimization with Neural Architectures for Neural Architecture Search, AAAI 2021",
        parameters: [StrategyParameter("startup", 10, minimum: 2, help: "random architectures before the model is used"),
                     StrategyParameter("ensemble", 5, minimum: 2, help: "networks in the ensemble"),
                     StrategyParameter("epochs", 100, help: "training passes of each network per proposal"),
                     StrategyParameter("parents", 10, help: "best architectures mutated into candidates"),
                     StrategyParameter("mutations", 10, help: "mutations per parent")]) { c in
        var settings = Settings()
        settings.startupTrials = c.int("startup")
        settings.ensembleSize = c.int("ensemble")
        settings.epochs = c.int("epochs")
        settings.parents = c.int("parents")
        settings.mutationsPerParent = c.int("mutations")
        return try BANANAS(space: c.space, settings: settings, seed: c.seed)
    }
}
