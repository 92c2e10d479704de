import NASSearch
import NASSpaces
import Testing

@Suite("Result cache keys")
struct ResultCacheKeyTests {
    @Test("cache keys differ when any part of the work differs")
    func cacheKeys() {
        let base = ResultCacheKey.make(evaluator: "e", space: "s", identity: "a", fidelity: Fidelity(epochs: 12), seed: 1)
        #expect(base == ResultCacheKey.make(evaluator: "e", space: "s", identity: "a", fidelity: Fidelity(epochs: 12), seed: 1))
        let variants = [
            ResultCacheKey.make(evaluator: "e2", space: "s", identity: "a", fidelity: Fidelity(epochs: 12), seed: 1),
            ResultCacheKey.make(evaluator: "e", space: "s2", identity: "a", fidelity: Fidelity(epochs: 12), seed: 1),
            ResultCacheKey.make(evaluator: "e", space: "s", identity: "b", fidelity: Fidelity(epochs: 12), seed: 1),
            ResultCacheKey.make(evaluator: "e", space: "s", identity: "a", fidelity: Fidelity(epochs: 200), seed: 1),
            ResultCacheKey.make(evaluator: "e", space: "s", identity: "a", fidelity: Fidelity(epochs: 12, dataFraction: 0.5), seed: 1),
            ResultCacheKey.make(evaluator: "e", space: "s", identity: "a", fidelity: Fidelity(epochs: 12), seed: 2),
        ]
        #expect(Set(variants + [base]).count == 7)
    }}
