import Foundation
import NASCore
import NASTensor
import Testing
@testable import NASTraining

/// Training a small CNN on a Fashion-MNIST subset reaches what an independent numpy
/// implementation of the same network and recipe reaches (scripts/reference/train_fashion_cnn.py,
/// figures in Fixtures/fashion_cnn_reference.json). Both draw the same subset, batch order and
/// initial weights from the same seeded generator, so they differ only in float rounding
/// (oneDNN's kernels and summation order against numpy's); the accuracies must agree within
/// one point.
@Suite struct FashionReferenceTests {
    @Test func smallCNNMatchesTheNumpyReference() throws {
        let url = Bundle.module.url(forResource: "fashion_cnn_reference", withExtension: "json", subdirectory: "Fixtures")!
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let data = try BuiltinDatasets.load("fashion-mnist", train: reference["train"] as? Int,
                                            valid: reference["valid"] as? Int, test: reference["test"] as? Int,
                                            seed: UInt64(reference["seed"] as! Int))
        let config = TrainingConfig(epochs: reference["epochs"] as! Int, batchSize: reference["batch"] as! Int,
                                    learningRate: reference["lr"] as! Double,
                                    optimizer: .sgd(momentum: reference["momentum"] as! Double, nesterov: true,
                                                    weightDecay: reference["weight_decay"] as! Double),
                                    schedule: .cosine(minimum: 0), threads: 1)
        let model = try Model(spec: TestNetworks.referenceCNN(), seed: 1)
        let report = try Trainer(config: config).train(model, on: data, seed: 1)
        let curve = reference["valid_curve"] as! [Double]
        let test = reference["test_accuracy"] as! Double
        #expect(abs(report.validAccuracy - curve.last!) <= 0.01, "naslab \(report.curve) vs numpy \(curve)")
        #expect(abs(report.testAccuracy - test) <= 0.01, "naslab \(report.testAccuracy) vs numpy \(test)")
        let losses = reference["train_loss"] as! [Double]
        #expect(abs(report.trainLoss[0] - losses[0]) <= 0.05, "naslab \(report.trainLoss) vs numpy \(losses)")
    }
}
