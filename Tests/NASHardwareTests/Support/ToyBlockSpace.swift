import NASCore
import NASSpaces

/// A tiny blockwise space for hand-checked latency tables: a conv stem, three positions of
/// block `a` (relu → conv) or `b` (conv → relu), and a pooling-and-linear head.
struct ToyBlockSpace: SearchSpace, BlockwiseSpace {
    static let types = ["a", "b"]
    /// The number of blocks (3 unless a test needs more).
    var blocks = 3
    var name: String { "toy" }
    var decisions: [Decision] { (1...blocks).map { Decision(name: "block\($0)", options: Self.types) } }
    var defaultInput: TensorShape { TensorShape(channels: 2, height: 4, width: 4) }

    func canonical(_ architecture: Architecture) -> String { architecture.tokens.map { Self.types[$0] }.joined() }

    func parse(_ text: String) throws -> Architecture {
        let tokens = text.map { Self.types.firstIndex(of: String($0)) ?? -1 }
        let a = Architecture(space: name, tokens: tokens)
        try validate(a)
        return a
    }

    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        let conv = LayerOp.conv(outChannels: 2, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false)
        var b = try NetworkBuilder(input: input)
        var x = try b.add(conv, [NetworkBuilder.inputID], name: "stem.conv")
        for (p, t) in architecture.tokens.enumerated() {
            x = try b.scoped("block\(p + 1)") { b in
                t == 0 ? try b.chain([(.relu, "relu"), (conv, "conv")], from: x) : try b.chain([(conv, "conv"), (.relu, "relu")], from: x)
            }
        }
        let out = try b.chain([(.globalAvgPool, "head.pool"), (.linear(outFeatures: classes, bias: true), "head.fc")], from: x)
        return b.build(output: out)
    }

    var blockCount: Int { blocks }
    func blockOptions(at position: Int) -> [String] { Self.types }
    func blockChoices(of architecture: Architecture) -> [Int] { architecture.tokens }
    func architecture(blockChoices: [Int]) throws -> Architecture {
        let a = Architecture(space: name, tokens: blockChoices)
        try validate(a)
        return a
    }
    func blockScope(_ position: Int) -> String { "block\(position + 1)" }
}
