import Foundation
import NASCore

/// Liu et al.'s hierarchical space (ICLR 2018): motifs built from motifs.
///
/// Level 1 are six primitives (1×1 conv, 3×3 depthwise conv, 3×3 separable conv, 3×3 max and
/// average pooling, identity). Each of `motifs` level-2 motifs is a DAG of 4 nodes whose 6 edges
/// (j ← i, i < j) each carry a primitive or nothing; the level-3 motif is a DAG of 5 nodes whose
/// 10 edges each carry a level-2 motif or nothing. Every node must have at least one input, so
/// each node with j predecessors has 7^j − 1 input settings. Nodes merge their inputs by
/// concatenation followed by a 1×1 conv-BN-ReLU back to the motif's width (a single input passes
/// through). The network is the paper's small CIFAR model: 3×3 conv stem with C channels, then
/// cell, separable 3×3/2 conv, cell, separable 3×3/2 conv, cell (channels doubling at each
/// reduction), global pooling and a classifier.
public struct HierarchicalSpace: GroupedSearchSpace {
    /// The level-1 primitives.
    public static let primitives = ["conv1x1", "dw_conv_3x3", "sep_conv_3x3", "max_pool_3x3", "avg_pool_3x3", "skip_connect"]
    /// Number of level-2 motifs.
    public let motifs: Int
    /// Channels of the first cell.
    public let channels: Int
    public let groups: [DecisionGroup]

    /// Creates the space with the paper's 6 level-2 motifs.
    public init(motifs: Int = 6, channels: Int = 16) {
        self.motifs = max(1, motifs)
        self.channels = channels
        var groups: [DecisionGroup] = []
        let level2Options = ["none"] + HierarchicalSpace.primitives
        for m in 1...self.motifs {
            for j in 1...3 { groups.append(HierarchicalSpace.nodeGroup("m\(m).node\(j)", predecessors: j, options: level2Options)) }
        }
        let level3Options = ["none"] + (1...self.motifs).map { "m\($0)" }
        for j in 1...4 { groups.append(HierarchicalSpace.nodeGroup("top.node\(j)", predecessors: j, options: level3Options)) }
        self.groups = groups
    }

    private static func nodeGroup(_ name: String, predecessors j: Int, options: [String]) -> DecisionGroup {
        let ds = (0..<j).map { Decision(name: "\(name).from\($0)", options: options) }
        return DecisionGroup(decisions: ds) { t in t.contains { $0 != 0 } }
    }

    public var name: String { "hierarchical" }

    public func groupName(_ i: Int) -> String {
        i < 3 * motifs ? "motif m\(i / 3 + 1), node \(i % 3 + 1)" : "top motif, node \(i - 3 * motifs + 1)"
    }

    /// The edge ops of a motif as a list over edges (j ← i) in order (1←0, 2←0, 2←1, 3←0, …).
    func motifEdges(_ tokens: [Int], motif: Int?) -> [Int] {
        let start = motif.map { $0 * 6 } ?? 6 * motifs
        let count = motif == nil ? 10 : 6
        return Array(tokens[start..<(start + count)])
    }

    /// `m1=e,e,e,e,e,e | … | top=e,…`: each motif's edge ops in order 1←0, 2←0, 2←1, 3←0, ….
    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let level2 = ["none"] + HierarchicalSpace.primitives
        var parts = (0..<motifs).map { m in "m\(m + 1)=" + motifEdges(architecture.tokens, motif: m).map { level2[$0] }.joined(separator: ",") }
        let level3 = ["none"] + (1...motifs).map { "m\($0)" }
        parts.append("top=" + motifEdges(architecture.tokens, motif: nil).map { level3[$0] }.joined(separator: ","))
        return parts.joined(separator: " | ")
    }

    public func parse(_ text: String) throws -> Architecture {
        let parts = text.split(separator: "|").map { $0.trimmed() }
        guard parts.count == motifs + 1 else {
            throw SpaceError("a hierarchical architecture has \(motifs) motifs and 'top', separated by '|'; found \(parts.count) parts")
        }
        var tokens: [Int] = []
        for (k, part) in parts.enumerated() {
            let label = k < motifs ? "m\(k + 1)" : "top"
            let options = k < motifs ? ["none"] + HierarchicalSpace.primitives : ["none"] + (1...motifs).map { "m\($0)" }
            guard part.hasPrefix(label + "=") else { throw SpaceError("part \(k + 1) must start with '\(label)='") }
            let edges = part.dropFirst(label.count + 1).split(separator: ",").map { $0.trimmed() }
            guard edges.count == (k < motifs ? 6 : 10) else {
                throw SpaceError("\(label) has \(k < motifs ? 6 : 10) edges, found \(edges.count)")
            }
            for e in edges {
                guard let t = options.firstIndex(of: e) else {
                    throw SpaceError("\(label): '\(e)' is not one of \(options.joined(separator: ", "))")
                }
                tokens.append(t)
            }
        }
        let a = Architecture(space: name, tokens: tokens)
        try validate(a)
        return a
    }

    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        var b = try NetworkBuilder(input: input)
        var x = try b.chain([(Operation.conv(channels, 3), "stem.conv"), (.batchNorm, "stem.bn")], from: NetworkBuilder.inputID)
        var c = channels
        for stage in 0..<3 {
            if stage > 0 {
                c *= 2
                x = try b.scoped("reduce\(stage)") { [c] in try Operation.sepConv(kernel: 3).apply(&$0, input: x, outChannels: c, stride: 2) }
            }
            x = try b.scoped("cell\(stage + 1)") { [c] in try addMotif(architecture.tokens, nil, &$0, input: x, channels: c) }
        }
        let out = try b.chain([(.globalAvgPool, "pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return b.build(output: out)
    }

    /// Adds a motif (level 2 when `motif` is an index, the top motif when nil); returns its sink.
    private func addMotif(_ tokens: [Int], _ motif: Int?, _ b: inout NetworkBuilder, input: Int, channels c: Int) throws -> Int {
        let edges = motifEdges(tokens, motif: motif)
        let n = motif == nil ? 5 : 4
        var nodes = [input]
        var e = 0
        for j in 1..<n {
            var terms: [Int] = []
            for i in 0..<j {
                let t = edges[e]
                e += 1
                guard t != 0 else { continue }
                let source = nodes[i]
                terms.append(try b.scoped("n\(j)_\(i)") { b in
                    if motif == nil { return try addMotif(tokens, t - 1, &b, input: source, channels: c) }
                    return try Operation(named: HierarchicalSpace.primitives[t - 1]).apply(&b, input: source, outChannels: c, stride: 1)
                })
            }
            if terms.count == 1 {
                nodes.append(terms[0])
            } else {
                let cat = try b.add(.concat, terms, name: "n\(j).concat")
                nodes.append(try b.chain([(Operation.conv(c, 1), "n\(j).conv"), (.batchNorm, "n\(j).bn"), (.relu, "n\(j).relu")], from: cat))
            }
        }
        return nodes[n - 1]
    }

    public var help: String {
        "Liu et al.'s hierarchical representation: level-1 primitives (1×1 conv, 3×3 depthwise and separable conv, 3×3 max and average pooling, identity) are assembled into level-2 motifs (4-node DAGs), which are assembled into a level-3 motif (a 5-node DAG) used as the cell of a small network. Each edge holds an op of the level below or nothing; evolution mutates one edge at one level."
    }

    public var paper: String {
        "Liu, Simonyan, Vinyals, Fernando & Kavukcuoglu, Hierarchical Representations for Efficient Architecture Search, ICLR 2018"
    }
}
