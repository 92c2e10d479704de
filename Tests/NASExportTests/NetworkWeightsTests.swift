import NASSpaces
import Testing
@testable import NASExport

/// Layer names become unique Python identifiers that no keyword or `nn.Module` attribute shadows.
@Suite struct NetworkWeightsTests {
    @Test("dots become underscores; a clash, a keyword or a Module attribute gets the node id; a leading digit gets a letter")
    func identifiers() throws {
        var b = try NetworkBuilder(input: TensorShape(channels: 1, height: 4, width: 4))
        var last = -1
        for name in ["stem.conv", "stem_conv", "class", "train", "a_4", "a", "2x"] {
            last = try b.add(.relu, [last], name: name)
        }
        let ids = NetworkWeights.identifiers(for: b.build(output: last))
        #expect(ids == ["stem_conv", "stem_conv_1", "class_2", "train_3", "a_4", "a", "l2x"])
        var c = try NetworkBuilder(input: TensorShape(channels: 1, height: 4, width: 4))
        let first = try c.add(.relu, [-1], name: "a_1")
        let second = try c.add(.relu, [first], name: "a")
        let third = try c.add(.relu, [second], name: "a")
        #expect(NetworkWeights.identifiers(for: c.build(output: third)) == ["a_1", "a", "a_2"])
    }
}
