import Foundation
import NASCore
import NASTensor
import Testing
@testable import NASTraining

/// naslab trains a small CNN on a Fashion-MNIST subset to the accuracy PyTorch reaches with the
/// same network and recipe (scripts/reference/fashion_torch.py; figures, settings and versions in
/// Fixtures/fashion_torch_reference.json): the mean test accuracy of naslab's seeds within one
/// point of the mean of PyTorch's seeds.
///
/// The runs share the data (the same train, validation and test images, normalised alike) and
/// the recipe; the initial weights and batch orders are each side's own draws, so this compares
/// what the recipe reaches, not one trajectory (FashionReferenceTests follows one trajectory
/// against numpy). PyTorch's spread over its seeds is checked to be small enough for one point
/// to tell a working trainer from a broken one.
@Suite struct FashionTorchReferenceTests {
    /// naslab's seeds (two keep the test near 10 s on 2 cores).
    static let seeds: [UInt64] = [1, 2]

    private func reference() throws -> [String: Any] {
        let url = Bundle.module.url(forResource: "fashion_torch_reference", withExtension: "json", subdirectory: "Fixtures")!
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    @Test func smallCNNReachesPyTorchsAccuracy() throws {
        let ref = try reference()
        let torchTest = ref["test_accuracy"] as! [String: Double], torchValid = ref["valid_accuracy"] as! [String: Double]
        // One point must discriminate: PyTorch's own runs agree far more closely than that.
        #expect(torchTest["stdev"]! < 0.005 && torchTest["max"]! - torchTest["min"]! < 0.02, "\(torchTest)")
        #expect(torchTest["mean"]! > 0.8, "well above chance (0.1)")
        let data = try BuiltinDatasets.load("fashion-mnist", train: ref["train"] as? Int, valid: ref["valid"] as? Int,
                                            test: ref["test"] as? Int, seed: UInt64(ref["data_seed"] as! Int))
        let config = TrainingConfig(epochs: ref["epochs"] as! Int, batchSize: ref["batch"] as! Int,
                                    learningRate: ref["lr"] as! Double,
                                    optimizer: .sgd(momentum: ref["momentum"] as! Double,
                                                    nesterov: ref["nesterov"] as! Bool,
                                                    weightDecay: ref["weight_decay"] as! Double),
                                    schedule: .cosine(minimum: 0), threads: 1)
        var test: [Double] = [], valid: [Double] = []
        for seed in Self.seeds {
            let model = try Model(spec: TestNetworks.referenceCNN(), seed: seed)
            let report = try Trainer(config: config).train(model, on: data, seed: seed)
            test.append(report.testAccuracy)
            valid.append(report.validAccuracy)
        }
        let mean = { (xs: [Double]) in xs.reduce(0, +) / Double(xs.count) }
        #expect(abs(mean(test) - torchTest["mean"]!) <= 0.01, "naslab test \(test) vs PyTorch \(torchTest)")
        #expect(abs(mean(valid) - torchValid["mean"]!) <= 0.01, "naslab valid \(valid) vs PyTorch \(torchValid)")
    }
}
