import Testing
import NASCore
import NASSpaces
@testable import NASHardware

/// The least-squares solver and the FLOPs model recover known coefficients.
@Suite struct LinearLeastSquaresTests {
    @Test("an unpenalised fit recovers the coefficients of data made from a known linear function")
    func exactRecovery() throws {
        var rng = SeededRandom(seed: 7)
        let truth = [2.5e-9, -3.0, 0.125]
        let rows = (0..<12).map { _ in [rng.nextDouble() * 4e8, rng.nextDouble(), Double(rng.nextInt(below: 50))] }
        let targets = rows.map { 0.75 + zip(truth, $0).reduce(0) { $0 + $1.0 * $1.1 } }
        let fit = try LinearLeastSquares(features: rows, targets: targets)
        for (w, t) in zip(fit.weights, truth) { #expect(abs(w - t) <= 1e-9 * abs(t)) }
        #expect(abs(fit.intercept - 0.75) < 1e-9)
    }

    @Test("the FLOPs model recovers seconds per MAC, per byte, per kernel and the fixed cost")
    func flopsModelRecovery() throws {
        let space = NB201Space()
        var rng = SeededRandom(seed: 3)
        let archs = (0..<30).map { _ in space.sample(using: &rng) }
        let model = FLOPsLatencyModel(secondsPerMAC: 1e-10, secondsPerByte: 2e-11, secondsPerKernel: 3e-6, fixed: 1e-4, space: "nb201")
        let measured = try archs.map { ($0, try model.predict($0, in: space)) }
        let fitted = try FLOPsLatencyModel(fittedOn: measured, in: space)
        for (w, t) in zip(fitted.fit.weights, [1e-10, 2e-11, 3e-6]) { #expect(abs(w - t) <= 1e-6 * t) }
        #expect(abs(fitted.fit.intercept - 1e-4) < 1e-10)
    }

    @Test("the cost features of a one-convolution network, counted by hand")
    func costFeatures() throws {
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 8, width: 8))
        let conv = try b.add(.conv(outChannels: 4, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false), [NetworkBuilder.inputID], name: "conv")
        let relu = try b.add(.relu, [conv], name: "relu")
        let features = CostFeatures(b.build(output: relu))
        #expect(features.macs == 8 * 8 * 4 * 27)               // output positions × output channels × 3·3·3
        #expect(features.bytes == Double(108 + 192 + 256) * 4) // weights + input 3·8·8 + output 4·8·8, 4 bytes each
        #expect(features.kernels == 1)                         // the ReLU runs as the convolution's post-op
    }

    @Test("a branch the output does not read costs nothing, as in the inference plan that drops it")
    func deadBranchesCostNothing() throws {
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 8, width: 8))
        let conv = try b.add(.conv(outChannels: 4, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false), [NetworkBuilder.inputID], name: "conv")
        _ = try b.add(.conv(outChannels: 8, kernel: 1, stride: 1, padding: 0, dilation: 1, groups: 1, bias: false), [conv], name: "unused")
        let relu = try b.add(.relu, [conv], name: "relu")
        let spec = b.build(output: relu)
        #expect(spec.liveNodes == [true, false, true])
        #expect(CostFeatures(spec) == CostFeatures(macs: 8 * 8 * 4 * 27, bytes: Double(108 + 192 + 256) * 4, kernels: 1))
        // NB201: with every edge into node 3 from node 0, nodes 1 and 2 feed nothing, so their
        // convolutions cost what `none` on those edges costs: nothing.
        let space = NB201Space()
        let dead = try space.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|nor_conv_3x3~0|none~1|none~2|")
        let pruned = try space.parse("|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|")
        #expect(try CostFeatures(dead, in: space) == CostFeatures(pruned, in: space))
        let live = try space.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|nor_conv_3x3~0|none~1|skip_connect~2|")
        #expect(try CostFeatures(live, in: space).macs > CostFeatures(pruned, in: space).macs)
    }

    @Test("too few measurements, singular features and the wrong space are clear errors")
    func errors() throws {
        let space = NB201Space()
        let a = try space.architecture(atIndex: 0)
        #expect(throws: HardwareError.self) { try FLOPsLatencyModel(fittedOn: [(a, 1e-3), (a, 1e-3)], in: space) }
        #expect(throws: HardwareError.self) { try LinearLeastSquares(features: [[1, 2], [2, 4], [3, 6]], targets: [1, 2, 3]) }
        let model = FLOPsLatencyModel(secondsPerMAC: 1e-10, secondsPerByte: 0, secondsPerKernel: 0, fixed: 0, space: "nb201")
        #expect(throws: HardwareError.self) { try model.predict(FBNetSpace().parse(String(repeating: "0", count: 22)), in: FBNetSpace()) }
    }

    @Test("Jacobi eigenvalues and eigenvectors of a symmetric 3×3 matrix match numpy")
    func eigen() {
        // numpy.linalg.eigh([[4,1,2],[1,3,0.5],[2,0.5,5]]), largest first
        let reference = [6.83125443, 3.07222395, 2.09652162]
        let firstVector = [0.61656716, 0.25800444, 0.74382703]
        let e = SymmetricEigen([[4, 1, 2], [1, 3, 0.5], [2, 0.5, 5]])
        for (v, r) in zip(e.values, reference) { #expect(abs(v - r) < 1e-7) }
        let sign = e.vectors[0][0] < 0 ? -1.0 : 1.0
        for (v, r) in zip(e.vectors[0], firstVector) { #expect(abs(sign * v - r) < 1e-7) }
    }
}
