import Foundation
import NASCore

/// The NAS-Bench-201 cell space (Dong & Yang, ICLR 2020): 4 nodes, 6 edges, 5 ops, 15,625 cells.
///
/// Tokens are the six edges in the benchmark string's order (1←0, 2←0, 2←1, 3←0, 3←1, 3←2),
/// each an index into `NB201Space.operations`. `index(of:)` gives the benchmark's official index.
public struct NB201Space: SearchSpace {
    /// The five candidate operations, in the benchmark's own order.
    public static let operations = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
    /// The edges as (to, from) pairs, in token order.
    public static let edges: [(to: Int, from: Int)] = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]

    /// Channels of the first stage (the benchmark uses 16).
    public var channels: Int
    /// Cells per stage (the benchmark uses 5).
    public var cellsPerStage: Int

    /// Creates the space with the benchmark's macro skeleton settings.
    public init(channels: Int = 16, cellsPerStage: Int = 5) {
        self.channels = channels
        self.cellsPerStage = cellsPerStage
    }

    public var name: String { "nb201" }

    /// The space's name, packed (`SpaceName("nb201")`, written out so that reading it costs nothing).
    @inlinable public static var spaceName: SpaceName { SpaceName(first: 0x31_30_32_62_6E, second: 5 << 56) }

    /// The six edge decisions, built once.
    static let edgeDecisions = NB201Space.edges.map { Decision(name: "edge_\($0.to)_\($0.from)", options: NB201Space.operations) }

    public var decisions: [Decision] { NB201Space.edgeDecisions }

    /// Six uniform ops, drawn edge 1←0 first; the tokens are kept inline (no allocation).
    public func sample(using rng: inout SeededRandom) -> Architecture {
        var packed: UInt64 = 0
        for edge in 0..<6 { packed |= UInt64(rng.nextInt(below: 5)) << (8 * UInt64(edge)) }
        return Architecture(spaceName: NB201Space.spaceName, count: 6, low: packed)
    }

    /// Changes the op of one random edge to a different op (inlinable: evolution on the NB201 table calls it
    /// directly, thousands of times a second).
    @inlinable @inline(__always) public func mutate(_ architecture: Architecture, using rng: inout SeededRandom) -> Architecture {
        let edge = rng.nextInt(below: 6)
        let shift = 1 + rng.nextInt(below: 4)
        guard architecture.inlineCount == 6 else {
            var child = architecture.replacingToken(at: edge, with: (architecture.token(at: edge) + shift) % 5)
            child.spaceName = NB201Space.spaceName
            return child
        }
        // Six inline tokens: write the new op into the edge's byte of the packed word.
        let offset = 8 * UInt64(edge)
        let old = Int(truncatingIfNeeded: (architecture.low >> offset) & 0xFF)
        let low = architecture.low & ~(0xFF << offset) | UInt64((old + shift) % 5) << offset
        return Architecture(spaceName: NB201Space.spaceName, count: 6, low: low)
    }

    /// The base-5 code of six valid tokens (edge 1←0 most significant), or nil when they are not a valid cell.
    /// Valid tokens (six, each below 5) are always kept inline, so the code is read from the packed word.
    public static func cellCode(of architecture: Architecture) -> Int? {
        guard architecture.inlineCount == 6 else { return nil }
        let w = architecture.low
        // Every byte below 5: adding 0x7B sets a byte's top bit exactly when it is 5 or more (bytes of
        // 0x80 or more have it set already, so a carry into the next byte cannot hide a bad one).
        guard (w | (w &+ 0x7B7B_7B7B_7B7B)) & 0x8080_8080_8080 == 0 else { return nil }
        let t = { (edge: UInt64) in Int(truncatingIfNeeded: (w >> (8 * edge)) & 0xFF) }
        return ((((t(0) * 5 + t(1)) * 5 + t(2)) * 5 + t(3)) * 5 + t(4)) * 5 + t(5)
    }

    /// Throws unless the architecture belongs to this space and has six ops in range.
    public func validate(_ architecture: Architecture) throws {
        guard architecture.spaceName == NB201Space.spaceName else {
            throw SpaceError("architecture belongs to space '\(architecture.space)', not '\(name)'")
        }
        guard architecture.tokenCount == 6 else {
            throw SpaceError("\(name) expects 6 decisions, got \(architecture.tokenCount)")
        }
        if let (edge, token) = architecture.tokens.enumerated().first(where: { !(0..<5).contains($0.element) }) {
            throw SpaceError("decision '\(NB201Space.edgeDecisions[edge].name)' has 5 options; \(token) is out of range")
        }
    }

    /// The benchmark string `|op~0|+|op~0|op~1|+|op~0|op~1|op~2|`.
    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let t = architecture.tokens.map { NB201Space.operations[$0] }
        return "|\(t[0])~0|+|\(t[1])~0|\(t[2])~1|+|\(t[3])~0|\(t[4])~1|\(t[5])~2|"
    }

    public func parse(_ text: String) throws -> Architecture {
        if let code = NB201IndexTable.shared.code(ofCanonical: text) {
            return Architecture(space: name, tokens: NB201IndexTable.shared.tokens(ofCode: code))
        }
        let nodes = text.trimmed().split(separator: "+", omittingEmptySubsequences: false)
        guard nodes.count == 3 else {
            throw SpaceError("an NB201 cell has 3 nodes separated by '+', found \(nodes.count) in '\(text)'")
        }
        var tokens: [Int] = []
        for (n, node) in nodes.enumerated() {
            let edges = node.split(separator: "|", omittingEmptySubsequences: true)
            guard edges.count == n + 1 else {
                throw SpaceError("node \(n + 1) of an NB201 cell has \(n + 1) input edges, found \(edges.count) in '\(node)'")
            }
            for (source, edge) in edges.enumerated() {
                let parts = edge.split(separator: "~")
                guard parts.count == 2, let op = NB201Space.operations.firstIndex(of: String(parts[0])) else {
                    throw SpaceError("'\(edge)' is not 'op~input' with op one of \(NB201Space.operations.joined(separator: ", "))")
                }
                guard Int(parts[1]) == source else {
                    throw SpaceError("edge '\(edge)' of node \(n + 1) must read node \(source)")
                }
                tokens.append(op)
            }
        }
        return Architecture(space: name, tokens: tokens)
    }

    /// The official benchmark index (0..<15,625) of an architecture; -1 when it is not a valid cell.
    public func index(of architecture: Architecture) -> Int {
        guard let code = NB201Space.cellCode(of: architecture) else { return -1 }
        return NB201Space.index(ofCellCode: code)
    }

    /// The official benchmark index of a cell given by its base-5 code (`cellCode(of:)`, 0..<15,625).
    public static func index(ofCellCode code: Int) -> Int {
        NB201IndexTable.shared.index(ofCode: code)
    }

    /// The architecture at an official benchmark index.
    public func architecture(atIndex index: Int) throws -> Architecture {
        guard (0..<15_625).contains(index) else {
            throw SpaceError("NB201 indices run from 0 to 15624; \(index) is out of range")
        }
        return Architecture(space: name, tokens: NB201IndexTable.shared.tokens[index])
    }

    /// The catalogue operation behind each of the five op names.
    public static let catalogueOperations: [Operation] = [.zero, .identity, .reluConvBN(kernel: 1), .reluConvBN(kernel: 3), .avgPool(kernel: 3)]

    public var help: String {
        "NAS-Bench-201's cell: a DAG of 4 nodes where each of the 6 edges i→j (i < j) carries one of none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3, so 5^6 = 15,625 cells (6,466 unique up to isomorphism). The network is a 3×3 conv stem with 16 channels, three stages of \(cellsPerStage) cells at C, 2C, 4C joined by residual reduction blocks, then BN-ReLU, global pooling and a linear classifier. Every cell was trained on CIFAR-10, CIFAR-100 and ImageNet16-120, so the benchmark answers its accuracy by table lookup."
    }

    public var paper: String {
        "Dong & Yang, NAS-Bench-201: Extending the Scope of Reproducible Neural Architecture Search, ICLR 2020"
    }
}
