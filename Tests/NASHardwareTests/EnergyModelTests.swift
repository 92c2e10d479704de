import Testing
import NASCore
import NASSpaces
@testable import NASHardware

/// The energy model against energy counted by hand for a one-convolution network.
@Suite struct EnergyModelTests {
    /// Input 3×8×8, a 3×3 convolution to 4 channels (padding 1, no bias), then a ReLU.
    private func oneConvolution() throws -> NetworkSpec {
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 8, width: 8))
        let conv = try b.add(.conv(outChannels: 4, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false), [NetworkBuilder.inputID], name: "conv")
        let relu = try b.add(.relu, [conv], name: "relu")   // added before `build` reads the builder
        return b.build(output: relu)
    }

    @Test("a one-convolution network: accesses per level and joules, by hand")
    func handComputed() throws {
        // M = 8·8·4·27 = 6912 MACs; W = 108 weights; I = 192 inputs; O = 256 outputs; k = 3.
        // ALU 6912; RF 4·6912 = 27648; array W + 3I + 3O = 1452; buffer W + I + O = 556;
        // working set 556 words × 2 B < 108 kB: DRAM = W + network input = 108 + 192 = 300.
        // Energy = 6912 + 27648 + 2·1452 + 6·556 + 200·300 = 100800 pJ.
        let model = EnergyModel()
        let spec = try oneConvolution()
        let a = model.accesses(spec)
        #expect(a == EnergyBreakdown(compute: 6912, registerFile: 27648, array: 1452, buffer: 556, dram: 300))
        #expect(abs(model.energy(spec).total - 100800e-12) < 1e-18)
    }

    @Test("a buffer smaller than the working set sends activations through DRAM")
    func spilling() throws {
        var model = EnergyModel()
        model.bufferBytes = 1000   // 556 words × 2 B = 1112 B do not fit
        // DRAM = W + I + O + network input = 108 + 192 + 256 + 192 = 748; 100800 − 60000 + 200·748 = 190400 pJ
        #expect(abs(model.energy(try oneConvolution()).total - 190400e-12) < 1e-18)
    }

    @Test("the evaluator reports energy in joules and its levels, and rejects bad parameters")
    func evaluator() throws {
        let space = NB201Space()
        let evaluator = try EnergyEvaluator()
        let cheap = try space.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")
        let heavy = try space.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|")
        let e0 = try evaluator.evaluate(cheap, in: space, fidelity: .full, seed: 0, cancel: CancellationToken()).metrics
        let e1 = try evaluator.evaluate(heavy, in: space, fidelity: .full, seed: 0, cancel: CancellationToken()).metrics
        #expect(e1["energy"]! > 5 * e0["energy"]!)
        let parts = ["energy_compute", "energy_rf", "energy_array", "energy_buffer", "energy_dram"].map { e1[$0]! }
        #expect(abs(parts.reduce(0, +) - e1["energy"]!) < 1e-15)
        var bad = EnergyModel()
        bad.dramCost = -1
        #expect(throws: HardwareError.self) { try EnergyEvaluator(model: bad) }
    }
}
