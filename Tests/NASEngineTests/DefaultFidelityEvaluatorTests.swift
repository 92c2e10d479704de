import NASBenchmarks
import NASCore
import NASSpaces
import Testing
@testable import NASEngine

/// `DefaultFidelityEvaluator` answers full-fidelity requests at its own fidelity and hands on the base table there.
@Suite struct DefaultFidelityEvaluatorTests {
    @Test func fullMeansTheGivenFidelityAndTheTableFollows() throws {
        let space = NB201Space()
        let base = try NB201Evaluator(dataset: .cifar10, epochs: 200, metric: .valid)
        let wrapped = DefaultFidelityEvaluator(base, fidelity: Fidelity(epochs: 12))
        let a = try space.architecture(atIndex: 1234)
        let cancel = CancellationToken()
        let at12 = try base.evaluate(a, in: space, fidelity: Fidelity(epochs: 12), seed: 0, cancel: cancel)
        let at200 = try base.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: cancel)
        #expect(at12 != at200)
        #expect(try wrapped.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: cancel) == at12)
        #expect(try wrapped.evaluate(a, in: space, fidelity: Fidelity(epochs: 200), seed: 0, cancel: cancel) == at200)
        let table = try #require(wrapped.resultTable(for: space, fidelity: .full))
        #expect(table[try #require(table.row(of: a))] == at12)
        #expect(wrapped.descriptor.hasSuffix("at epochs=12"))
    }
}
