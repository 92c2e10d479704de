import NASCore
@testable import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// A supernet run along an architecture's paths is that architecture's stand-alone network:
/// with the stand-alone model's parameters copied into the matching supernet layers, the two
/// give the same logits in inference mode, and the layers that run hold the same parameters.
@Suite struct SupernetPathTests {
    static let input = TensorShape(channels: 3, height: 12, width: 10)

    /// A stand-alone layer's name as the supernet names the same layer, its branch label removed.
    typealias Rename = (Architecture, String) -> String

    @Test func nb201PathsAreTheStandAloneNetwork() throws {
        let space = NB201Space(channels: 4, cellsPerStage: 1)
        try check(space, seeds: [1, 2, 3], branchLabels: Set(NB201Space.operations)) { _, name in name }
    }

    @Test func cellPathsAreTheStandAloneNetwork() throws {
        let space = try CellSpace(channels: 4, layers: 3)
        try check(space, seeds: [1, 2], branchLabels: Set(space.operations)) { a, name in Self.cellEdgeName(space, a, name) }
    }

    @Test func cellWithNonePathsAreTheStandAloneNetwork() throws {
        let space = try CellSpace(operations: ["none", "skip_connect", "dil_conv_3x3", "avg_pool_3x3"], nodes: 3, channels: 4, layers: 4)
        try check(space, seeds: [4, 5, 6], branchLabels: Set(space.operations)) { a, name in Self.cellEdgeName(space, a, name) }
    }

    @Test func chainPathsAreTheStandAloneNetwork() throws {
        let ops = ["conv1x1", "conv3x3", "sep_conv_3x3", "dil_conv_3x3"]
        let space = try ComposedSpace.chain(depth: 4...4, operations: ops, widths: [6], strides: [1], skips: .resnet, merge: .add)
        try check(space, seeds: [1, 2, 3], branchLabels: Set(ops)) { _, name in Self.uncounted(name) }
    }

    @Test func segmentPathsAreTheStandAloneNetwork() throws {
        // A small skeleton, so that 16 options per layer stay cheap; frames with and without skips,
        // a block of two layers and one that changes width at stride 2 (basic's projection shortcut).
        let skeleton = SegmentSkeleton(
            name: "tiny", stemChannels: 8, stemKernel: 3, stemStride: 1, stemPool: false,
            blocks: [SegmentSkeleton.block(8, stride: 1), SegmentSkeleton.block(16, stride: 2)], headChannels: 24)
        let whole = SegmentSpace(skeleton: skeleton)
        let labels = Set(SegmentSpace.rowOptions.map(SegmentSpace.rowLabel))
        for frame in ["hswish | conv_k3_c8_x2 | conv_k3_c16_x1", "relu | conv_k3_c8_x1_noskip | conv_k3_c16_x2_noskip"] {
            let space = try whole.sliced(frame: try whole.parse(frame))
            try check(space, seeds: Array(1...8), branchLabels: labels) { _, name in name }
        }
    }

    /// `cell<L>.node<i>.<k>.…` (the node's k-th input) becomes `cell<L>.node<i>.from<j>.…` (the edge from state j).
    static func cellEdgeName(_ space: CellSpace, _ a: Architecture, _ name: String) -> String {
        var parts = name.split(separator: ".").map(String.init)
        guard parts.count > 3, parts[0].hasPrefix("cell"), parts[1].hasPrefix("node"), let layer = Int(parts[0].dropFirst(4)),
              let i = Int(parts[1].dropFirst(4)), let k = Int(parts[2]) else { return name }
        let reduction = layer == space.layers / 3 || layer == 2 * space.layers / 3
        let node = (reduction ? space.nodes : 0) + i - 2
        parts[2] = "from\(a.tokens[4 * node + 2 * k])"
        return parts.joined(separator: ".")
    }

    /// A composed space's name without the op counters (`layer[2].op#3` → `layer[2].op`).
    static func uncounted(_ name: String) -> String {
        name.split(separator: ".").map { $0.split(separator: "#").first.map(String.init) ?? "" }.joined(separator: ".")
    }

    /// Copies each stand-alone layer's state into the supernet layer of the same name among those
    /// that run (the branch's label segment removed), checks that exactly those supernet layers
    /// run, and compares logits.
    private func check(_ space: any SupernetSpace, seeds: [UInt64], branchLabels: Set<String>, rename: Rename) throws {
        let supernet = try Supernet(space: space, input: Self.input, classes: 5, seed: 9)
        for seed in seeds {
            var rng = SeededRandom(seed: seed)
            let a = space.sampleInSupernet(using: &rng)
            let own = try Model(spec: space.network(a, input: Self.input, classes: 5), seed: seed)
            let gates = try supernet.gates(for: a)
            let paths = try ActivePaths(passSpec: supernet.spec.network, supernet: supernet.spec, gates: gates)
            let running = supernet.model.spec.nodes.filter { paths.isLive($0.id) }
            let byName = Dictionary(running.map { node in
                (Self.uncounted(node.name.split(separator: ".").filter { !branchLabels.contains(String($0)) }.joined(separator: ".")), node.id)
            }, uniquingKeysWith: { first, _ in first })
            #expect(byName.count == running.count, "\(space.canonical(a)): two running layers share a name")
            var copied = Set<Int>()
            let needed = try Self.needed(own.spec)
            for node in own.spec.nodes where needed.isLive(node.id) {
                guard let source = own.layers[node.id] else { continue }
                let target = try #require(byName[rename(a, node.name)], "\(space.canonical(a)): no running supernet layer for \(node.name)")
                let into = try #require(supernet.model.layers[target])
                for (s, t) in zip(Self.state(source), Self.state(into)) {
                    try #require(s.count == t.count, "\(node.name): \(s.shape) vs \(t.shape)")
                    t.data.update(from: s.data, count: s.count)
                }
                copied.insert(target)
            }
            #expect(Set(running.map(\.id).filter { supernet.model.layers[$0] != nil }) == copied,
                    "\(space.canonical(a)): the layers that run are not the copied ones")
            let x = Self.batch(seed: seed)
            var r1 = SeededRandom(seed: 0), r2 = SeededRandom(seed: 0)
            let expected = try own.forward(x, training: false, rng: &r1).values
            let got = try supernet.forward(x, gates: gates, training: false, rng: &r2).values
            let gap = zip(expected, got).map { abs($0 - $1) }.max() ?? .infinity
            #expect(expected.count == got.count && gap < 1e-4, "\(space.canonical(a)): logits differ by \(gap)")
        }
    }

    /// The stand-alone nodes the output depends on, by `ActivePaths`' reachability; an all-zero node (`none`) depends on nothing.
    static func needed(_ spec: NetworkSpec) throws -> ActivePaths {
        var cut = spec
        for i in cut.nodes.indices { if case .zero(_) = cut.nodes[i].op { cut.nodes[i].inputs = [] } }
        return try ActivePaths(passSpec: cut, supernet: SupernetSpec(network: cut, rows: [], choices: []), gates: [])
    }

    /// Every tensor of a layer's state: parameters, and batch norm's running statistics.
    static func state(_ p: LayerParameters) -> [Tensor] {
        if case .batchNorm(let s, let t, let m, let v) = p { return [s, t, m, v] }
        return p.trainable
    }

    static func batch(seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed + 100)
        let x = Tensor(zeros: [3, input.channels, input.height, input.width])
        for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
        return x
    }
}
