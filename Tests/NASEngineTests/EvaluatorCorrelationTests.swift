import NASBenchmarks
import NASCore
import NASSpaces
import Testing
@testable import NASEngine

/// `EvaluatorCorrelation`: each architecture scored by both evaluators through the catalogue, in order,
/// and every way it can go wrong reported against the part at fault.
@Suite("Evaluator correlation")
struct EvaluatorCorrelationTests {
    static let tiny = RunTestSpace()
    /// The nine architectures of the tiny space.
    static let nine = (0..<9).map { Architecture(space: "tiny", tokens: [$0 / 3, $0 % 3]) }

    @Test("an evaluator agrees with itself: τ = ρ = 1")
    func selfAgreement() throws {
        let ev = RunTestEvaluator()
        let result = try EvaluatorCorrelation.measure(ev, ev, over: Self.nine, in: Self.tiny, metrics: ("accuracy", "accuracy"))
        #expect(result.count == 9 && result.kendall == 1 && result.spearman == 1)
        #expect(result.pairs.map(\.architecture) == Self.nine)
    }

    @Test("NB201 12 against 200 epochs: the pairs are the catalogue's lookups, the statistics RankCorrelation's")
    func nb201Epochs() throws {
        let space = NB201Space()
        var rng = SeededRandom(seed: 3)
        let archs = (0..<300).map { _ in space.sample(using: &rng) }
        let short = try EvaluatorCatalogue.nb201(epochs: 12), long = try EvaluatorCatalogue.nb201()
        let result = try EvaluatorCorrelation.measure(short, long, over: archs, in: space, metrics: ("accuracy", "test_accuracy"))
        for (pair, a) in zip(result.pairs, archs) {
            #expect(pair.first == (try EvaluatorCatalogue.evaluate(short, a, in: space)).metrics["accuracy"])
            #expect(pair.second == (try EvaluatorCatalogue.evaluate(long, a, in: space)).metrics["test_accuracy"])
        }
        #expect(result.kendall == RankCorrelation.kendallTauB(result.pairs.map(\.first), result.pairs.map(\.second)))
        #expect(result.spearman == RankCorrelation.spearman(result.pairs.map(\.first), result.pairs.map(\.second)))
        #expect(result.kendall > 0.5 && result.kendall < result.spearman)
    }

    @Test("a failing evaluator, a missing metric, too few architectures and a constant score are errors naming the cause")
    func errors() throws {
        let ev = RunTestEvaluator(), failing = RunTestEvaluator(failing: [[1, 2]])
        let nine = Self.nine
        let failed = Self.error { try EvaluatorCorrelation.measure(ev, failing, over: nine, in: Self.tiny, metrics: ("accuracy", "accuracy")) }
        guard case .second(let m)? = failed else { Issue.record("got \(String(describing: failed))"); return }
        #expect(m.contains("failed on y-z") && m.contains("synthetic failure"), "\(m)")
        let missing = Self.error { try EvaluatorCorrelation.measure(ev, ev, over: nine, in: Self.tiny, metrics: ("accuracy", "acuracy")) }
        guard case .metric(let m)? = missing else { Issue.record("got \(String(describing: missing))"); return }
        #expect(m.contains("no metric 'acuracy'") && m.contains("did you mean 'accuracy'"), "\(m)")
        let one = Self.error { try EvaluatorCorrelation.measure(ev, ev, over: [nine[0]], in: Self.tiny, metrics: ("accuracy", "accuracy")) }
        guard case .architectures(let m)? = one else { Issue.record("got \(String(describing: one))"); return }
        #expect(m.contains("at least two"), "\(m)")
        let constant = Self.error { try EvaluatorCorrelation.measure(ev, ev, over: nine, in: Self.tiny, metrics: ("accuracy", "energy")) }
        guard case .second(let m)? = constant else { Issue.record("got \(String(describing: constant))"); return }
        #expect(m.contains("the same energy"), "\(m)")
        let nb201 = try EvaluatorCatalogue.nb201()
        let otherSpace = Self.error { try EvaluatorCorrelation.measure(nb201, ev, over: nine, in: Self.tiny, metrics: ("accuracy", "accuracy")) }
        guard case .first(let m)? = otherSpace else { Issue.record("got \(String(describing: otherSpace))"); return }
        #expect(m.contains("cannot evaluate x-x"), "\(m)")
    }

    /// The correlation error `work` throws, or nil.
    static func error(_ work: () throws -> EvaluatorCorrelation) -> CorrelationError? {
        do { _ = try work() } catch let error as CorrelationError { return error } catch {}
        return nil
    }

    @Test("a cancelled token stops the correlation with CancellationError")
    func cancellation() {
        let cancel = CancellationToken()
        cancel.cancel()
        #expect(throws: CancellationError.self) {
            try EvaluatorCorrelation.measure(RunTestEvaluator(), RunTestEvaluator(), over: Self.nine, in: Self.tiny,
                                             metrics: ("accuracy", "accuracy"), cancel: cancel)
        }
    }
}
