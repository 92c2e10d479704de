import Foundation
import NASCore
import NASEngine
import NASSpaces
import Testing

/// Describing the evaluators a hardware-aware search merges.
@Suite struct CombinedDescriptionTests {
    @Test("a list of the NB201 table and a shipped latency table is described and rebuilt; a list with an undescribable part is not")
    func combinedWithLatency() throws {
        let device = try #require(try EvaluatorCatalogue.devices(space: "nb201").first)
        let latency = EvaluatorCatalogue.evaluator(try EvaluatorCatalogue.latency(device: device, space: "nb201"))
        let combined = CombinedEvaluator([try EvaluatorCatalogue.nb201(), latency])
        let description = try #require(EvaluatorCatalogue.describe(space: try SpaceCatalogue.nb201(), evaluator: combined))
        let rebuilt = try EvaluatorCatalogue.rebuild(try EvaluationDescription(json: description.json))
        #expect(rebuilt.evaluator.descriptor == combined.descriptor)
        #expect(rebuilt.evaluator.descriptor.contains("device: \(device)"))
        let withUnknown = CombinedEvaluator([try EvaluatorCatalogue.nb201(), RunTestEvaluator()])
        #expect(EvaluatorCatalogue.describe(space: try SpaceCatalogue.nb201(), evaluator: withUnknown) == nil)
    }
}
