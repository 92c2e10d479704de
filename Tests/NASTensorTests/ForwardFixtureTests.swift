import NASCore
import Testing
@testable import NASTensor

/// Forward values against numpy (float64) references. The float32 engine accumulates at most
/// a few hundred products of values of order 1, so agreement to 1e-4 absolute + 1e-4 relative
/// is expected; an indexing or padding mistake shows as errors of order 0.1–1.
@Suite struct ForwardFixtureTests {
    @Test func fixturesAreThere() {
        #expect(Fixture.cases.count == 8)
    }

    @Test(arguments: ["conv_3x3_s2_p1", "conv_grouped_dilated", "conv_depthwise", "conv_depthwise_s2_k5"])
    func convolution(_ name: String) throws {
        let x = Fixture.tensor(name, "x"), w = Fixture.tensor(name, "w")
        let b: Tensor? = Fixture.cases[name]?["b"] == nil ? nil : Fixture.tensor(name, "b")
        let y = try x.conv2d(weight: w, bias: b, stride: Fixture.param(name, "stride", default: 1),
                             padding: Fixture.param(name, "padding", default: 0),
                             dilation: Fixture.param(name, "dilation", default: 1),
                             groups: Fixture.param(name, "groups", default: 1))
        let expected = Fixture.tensor(name, "y")
        #expect(y.shape == expected.shape)
        #expect(Fixture.worst(y.values, expected.values) <= 0)
    }

    @Test func batchNormTrainingAndRunningStatistics() throws {
        let c = "bn_train"
        let rm = Tensor(zeros: [3]), rv = Tensor.constant([3], 1, requiresGrad: false)
        let y = try Fixture.tensor(c, "x").batchNorm(scale: Fixture.tensor(c, "gamma"), shift: Fixture.tensor(c, "beta"),
                                                    runningMean: rm, runningVar: rv, training: true)
        #expect(Fixture.worst(y.values, Fixture.tensor(c, "y").values) <= 0)
        #expect(Fixture.worst(rm.values, Fixture.tensor(c, "running_mean").values) <= 0)
        #expect(Fixture.worst(rv.values, Fixture.tensor(c, "running_var").values) <= 0)
    }

    @Test func batchNormInference() throws {
        let c = "bn_eval"
        let y = try Fixture.tensor(c, "x").batchNorm(
            scale: Fixture.tensor(c, "gamma"), shift: Fixture.tensor(c, "beta"),
            runningMean: Fixture.tensor(c, "running_mean"), runningVar: Fixture.tensor(c, "running_var"),
            training: false)
        #expect(Fixture.worst(y.values, Fixture.tensor(c, "y").values) <= 0)
    }

    @Test func pooling() throws {
        let x = Fixture.tensor("pool", "x")
        let results: [(String, Tensor)] = [
            ("max_3_2_1", try x.maxPool(kernel: 3, stride: 2, padding: 1)),
            ("max_2_2_0", try x.maxPool(kernel: 2, stride: 2)),
            ("avg_3_1_1_exclude", try x.avgPool(kernel: 3, stride: 1, padding: 1, countIncludePad: false)),
            ("avg_3_1_1_include", try x.avgPool(kernel: 3, stride: 1, padding: 1, countIncludePad: true)),
            ("global", try x.globalAvgPool()),
        ]
        for (key, y) in results {
            let expected = Fixture.tensor("pool", key)
            #expect(y.shape == expected.shape, "\(key)")
            #expect(Fixture.worst(y.values, expected.values) <= 0, "\(key)")
        }
    }

    @Test func wholeSmallNetwork() throws {
        let c = "network"
        let rm = Tensor(zeros: [4]), rv = Tensor.constant([4], 1, requiresGrad: false)
        var h = try Fixture.tensor(c, "x").conv2d(weight: Fixture.tensor(c, "w1"), bias: Fixture.tensor(c, "b1"), padding: 1)
        h = try h.batchNorm(scale: Fixture.tensor(c, "gamma1"), shift: Fixture.tensor(c, "beta1"),
                            runningMean: rm, runningVar: rv, training: true)
        h = try h.relu().maxPool(kernel: 2, stride: 2)
        h = try h.conv2d(weight: Fixture.tensor(c, "w2"), padding: 1, groups: 4).relu().globalAvgPool()
        let logits = try h.linear(weight: Fixture.tensor(c, "w3"), bias: Fixture.tensor(c, "b3"))
        let labels = (Fixture.cases[c]?["labels"] as? [Int]) ?? []
        let loss = logits.softmaxCrossEntropy(labels: labels)
        #expect(Fixture.worst(logits.values, Fixture.tensor(c, "logits").values) <= 0)
        let expectedLoss = Float((Fixture.cases[c]?["loss"] as? Double) ?? .nan)
        #expect(abs(loss.values[0] - expectedLoss) <= 1e-4)
    }
}
