import NASCore
import Testing
@testable import NASSpaces

/// How ops and skeletons treat 1-D signals (`[C, 1, W]`) and non-square inputs: strides keep a
/// 1-pixel height at 1, a factorized reduce shifts only along axes longer than one pixel, merges
/// subsample both axes by one stride, OFA's resolution keeps the input's proportions.
@Suite struct SignalShapeTests {
    @Test func factorizedReduceShiftsOnlyAlongLongAxes() throws {
        for (input, rows, cols) in [((1, 40), 0, 1), ((16, 32), 1, 1), ((7, 1), 1, 0)] {
            var b = try NetworkBuilder(input: TensorShape(channels: 4, height: input.0, width: input.1))
            let out = try Operation.factorizedReduce.apply(&b, input: NetworkBuilder.inputID, outChannels: 8, stride: 2)
            #expect(b.nodes.contains { $0.op == .shift(rows: rows, cols: cols) }, "\(input)")
            #expect(b.shape(of: out) == TensorShape(channels: 8, height: (input.0 + 1) / 2, width: (input.1 + 1) / 2))
        }
    }

    @Test func mergeStrideFitsBothAxes() throws {
        let cases: [(TensorShape, TensorShape, Int)] = [
            (TensorShape(channels: 8, height: 1, width: 40), TensorShape(channels: 8, height: 1, width: 20), 2),
            (TensorShape(channels: 8, height: 16, width: 32), TensorShape(channels: 8, height: 1, width: 1), 32),
            (TensorShape(channels: 8, height: 16, width: 32), TensorShape(channels: 8, height: 1, width: 2), 16),
            (TensorShape(channels: 8, height: 7, width: 12), TensorShape(channels: 8, height: 1, width: 2), 7),
        ]
        for (source, target, factor) in cases {
            #expect(try SpecDecoder.subsamplingFactor(from: source, to: target) == factor, "\(source) → \(target)")
        }
        #expect(throws: SpaceError.self) {
            try SpecDecoder.subsamplingFactor(from: TensorShape(channels: 8, height: 16, width: 32),
                                              to: TensorShape(channels: 8, height: 8, width: 32))
        }
    }

    @Test func nb201ShortcutPoolMatchesTheStridedConvolutionOnOddSides() throws {
        let space = NB201Space(channels: 4, cellsPerStage: 1)
        let a = try space.parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|skip_connect~2|")
        for (h, w) in [(1, 40), (15, 32), (32, 32)] {
            let spec = try space.network(a, input: TensorShape(channels: 3, height: h, width: w), classes: 10)
            let pools = spec.nodes.filter { $0.name.hasSuffix("down.pool") }.map(\.op)
            let odd = h % 2 == 1 || w % 2 == 1
            #expect(pools.first == (odd ? .avgPool(kernel: 3, stride: 2, padding: 1, countIncludePad: false)
                                        : .avgPool(kernel: 2, stride: 2, padding: 0, countIncludePad: true)), "\(h)×\(w)")
        }
    }

    @Test func ofaResolutionKeepsTheInputsProportions() throws {
        let space = OFASpace(resolutions: [128])
        var rng = SeededRandom(seed: 1)
        let a = space.sample(using: &rng)
        let given = [(32, 32, 128, 128), (16, 32, 64, 128), (32, 16, 128, 64), (1, 40, 1, 128), (1, 128, 1, 128)]
        for (h, w, eh, ew) in given {
            let spec = try space.network(a, input: TensorShape(channels: 2, height: h, width: w), classes: 10)
            #expect(spec.input == TensorShape(channels: 2, height: eh, width: ew), "\(h)×\(w)")
        }
    }
}
