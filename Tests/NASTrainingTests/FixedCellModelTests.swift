import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// NB201 written with the composition primitives (`skeleton("nb201", dag(…, edges: "all"))`)
/// builds the same trainable model as `NB201Space`: the same parameter count and, from the same
/// seed, the same logits.
@Suite struct FixedCellModelTests {
    @Test func composedNB201BuildsTheBenchmarksModel() throws {
        let nb201 = NB201Space(channels: 8, cellsPerStage: 2)
        let mine = try ComposedSpace(name: "mynb", spec: .skeleton(CellSkeleton(.nb201, channels: 8, cellsPerStage: 2),
                                                                   .fixedCell("cell", nodes: 3, operations: NB201Space.operations)))
        let input = TensorShape(channels: 3, height: 16, width: 16)
        let x = Tensor(zeros: [2, 3, 16, 16])
        var rng = SeededRandom(seed: 4)
        for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
        for index in [6111, 15_624] {
            let cell = try nb201.architecture(atIndex: index)
            let reference = try Model(spec: try nb201.network(cell, input: input, classes: 10), seed: 1)
            let composed = try Model(spec: try mine.network(Architecture(space: mine.name, tokens: cell.tokens), input: input, classes: 10), seed: 1)
            #expect(composed.parameterCount == reference.parameterCount, "index \(index)")
            #expect(composed.parameterCount == composed.spec.cost.params, "index \(index)")
            let expected = try reference.forward(x, training: false, rng: &rng).values
            let got = try composed.forward(x, training: false, rng: &rng).values
            #expect(got == expected, "index \(index): the logits differ")
        }
    }
}
