import NASCore
import Testing
@testable import NASSpaces

/// FBNet's channel multiplier, against FBNet's builder's rule worked by hand.
///
/// The builder takes `int(c × width)` and rounds it to the nearest multiple of 8 (at least 8);
/// below width 1 the 1×1 convolution to 1984 is kept. At 0.35: stem 16 → 5 → 8; stages 16 → 8,
/// 24 → 8, 32 → 11 → 8, 64 → 22 → 24, 112 → 39 → 40, 184 → 64, 352 → 123 → 120.
@Suite struct FBNetWidthTests {
    @Test("width 0.35 gives FBNet-96-0.35's channels; width 1 is the published FBNet; width 2 widens the head too")
    func channels() throws {
        #expect(FBNetSpace(width: 0.35).stageChannels == [8, 8, 8, 24, 40, 64, 120])
        #expect(FBNetSpace(width: 0.35).headChannels == 1984)
        #expect(FBNetSpace().stageChannels == FBNetSpace.stages.map(\.channels))
        #expect(FBNetSpace(width: 2).stageChannels == [32, 48, 64, 128, 224, 368, 704])
        #expect(FBNetSpace(width: 2).headChannels == 3968)
    }

    @Test("the network's convolutions have the scaled widths: stem, every layer's projection and the head")
    func network() throws {
        let space = FBNetSpace(width: 0.35)
        let a = try space.parse(FBNetSpace.fbnetB)
        let spec = try space.network(a, input: TensorShape(channels: 3, height: 96, width: 96), classes: 10)
        func channels(_ name: String) -> Int? { spec.nodes.first { $0.name == name }?.outputShape.channels }
        #expect(channels("stem.conv") == 8)
        #expect(channels("head.conv") == 1984)
        let layerOutputs = (1...22).compactMap { layer in
            spec.nodes.last { $0.name.contains(".layer\(layer).") }?.outputShape.channels
        }
        let expected = zip(space.stageChannels, FBNetSpace.stages.map(\.layers)).flatMap { Array(repeating: $0, count: $1) }
        #expect(layerOutputs == expected)
        let full = try FBNetSpace().network(try FBNetSpace().parse(FBNetSpace.fbnetB), input: spec.input, classes: 10)
        #expect(spec.cost.macs * 5 < full.cost.macs)
    }

    @Test("another width is another space by name, so tables and trials of FBNet never take its networks")
    func names() throws {
        #expect(FBNetSpace().name == "fbnet")
        #expect(FBNetSpace(width: 0.35).name == "fbnet_0.35")
        #expect(FBNetSpace(width: 2).name == "fbnet_2")
        let a = try FBNetSpace(width: 0.35).parse(FBNetSpace.fbnetB)
        #expect(a.space == "fbnet_0.35")
        #expect(throws: SpaceError.self) { try FBNetSpace().validate(a) }
        #expect(throws: SpaceError("width must be above 0 and at most 4, got 0")) { try SpaceCatalogue.fbnet(width: 0) }
    }
}
