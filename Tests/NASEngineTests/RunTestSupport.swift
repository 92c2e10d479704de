import Foundation
import NASCore
import NASSearch
import NASSpaces
import Synchronization

/// A tiny space for run tests: two decisions of three options (nine architectures), so a
/// random strategy repeats architectures and the result cache is exercised.
struct RunTestSpace: SearchSpace {
    var name: String { "tiny" }
    var decisions: [Decision] {
        [Decision(name: "a", options: ["x", "y", "z"]), Decision(name: "b", options: ["x", "y", "z"])]
    }
    func canonical(_ architecture: Architecture) -> String {
        architecture.tokens.map { decisions[0].options[$0] }.joined(separator: "-")
    }
    func parse(_ text: String) throws -> Architecture {
        let parts = text.split(separator: "-").map { decisions[0].options.firstIndex(of: String($0)) }
        guard parts.count == 2, parts.allSatisfy({ $0 != nil }) else { throw SpaceError("bad tiny architecture \(text)") }
        return Architecture(space: name, tokens: parts.map { $0! })
    }
    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        throw SpaceError("tiny has no network")
    }
}

/// A uniform random strategy for run tests, with a checkpoint of its whole state.
final class RunTestRandomStrategy: SearchStrategy {
    private struct State: Codable {
        var rng: SeededRandom
        var nextID: Int
        var told: Int
    }
    private let space: any SearchSpace
    private let seed: UInt64
    private let limit: Int?
    private var state: State

    /// A strategy that samples `space` with `seed`; with a limit, it finishes after that many proposals.
    init(space: any SearchSpace, seed: UInt64, limit: Int? = nil) {
        self.space = space
        self.seed = seed
        self.limit = limit
        self.state = State(rng: SeededRandom(seed: seed), nextID: 0, told: 0)
    }

    var name: String { "test-random" }
    var settings: [String: String] { ["seed": "\(seed)", "limit": limit.map(String.init) ?? "none"] }
    var isFinished: Bool { limit.map { state.nextID >= $0 } ?? false }
    var told: Int { state.told }

    func ask(_ count: Int) throws -> [Proposal] {
        (0..<count).compactMap { _ in
            if isFinished { return nil }
            defer { state.nextID += 1 }
            return Proposal(id: state.nextID, architecture: space.sample(using: &state.rng))
        }
    }
    func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws { state.told += 1 }
    func checkpoint() throws -> Data { try JSONEncoder().encode(state) }
    func restore(from data: Data) throws { state = try JSONDecoder().decode(State.self, from: data) }
}

/// A synthetic evaluator whose metrics are a fixed function of the tokens and seed.
///
/// `accuracy` grows with the token sum, `latency` is 1 ms per token unit plus 1 ms; it charges
/// 10 simulated seconds per trial, can sleep to make a run slow, and counts its evaluations.
final class RunTestEvaluator: Evaluator {
    let delay: Double
    let failing: Set<[Int]>
    private let counter = Atomic<Int>(0)

    init(delay: Double = 0, failing: Set<[Int]> = []) {
        self.delay = delay
        self.failing = failing
    }

    var descriptor: String { "synthetic(v1)" }
    var supportedSpaces: Set<String> { [] }
    var maxEpochs: Int? { nil }
    var evaluations: Int { counter.load(ordering: .relaxed) }

    /// The accuracy the evaluator reports for these tokens and seed.
    static func accuracy(_ tokens: [Int], seed: UInt64) -> Double {
        let weighted = tokens.enumerated().reduce(0) { $0 + Double(($1.offset + 1) * $1.element) }
        return 0.5 + weighted / 100 + Double(seed % 7) / 1000
    }

    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken) throws -> TrialResult {
        counter.add(1, ordering: .relaxed)
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        try cancel.check()
        if failing.contains(architecture.tokens) { return .failed("synthetic failure") }
        let tokens = architecture.tokens
        return TrialResult(metrics: ["accuracy": Self.accuracy(tokens, seed: seed),
                                     "latency": 0.001 * Double(1 + tokens.reduce(0, +)),
                                     "energy": Double(tokens.count)],
                           curve: [0.1, 0.2], simulatedSeconds: 10)
    }
}
