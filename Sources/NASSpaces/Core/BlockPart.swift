/// One part of a blockwise network, as a network of its own: the stem, a block in its position, or the head.
public struct BlockPart: Sendable, Hashable {
    /// What the part is.
    public enum Kind: Sendable, Hashable {
        /// Everything before the first block.
        case stem
        /// The block at a position (0-based) with its block type.
        case block(Int, String)
        /// Fixed nodes between the blocks before and at a position.
        case between(Int)
        /// Everything after the last block.
        case head
    }

    /// What the part is.
    public let kind: Kind
    /// The part alone, reading the shape it reads in the whole network.
    public let spec: NetworkSpec

    /// Creates a part.
    public init(kind: Kind, spec: NetworkSpec) {
        self.kind = kind
        self.spec = spec
    }

    /// A key naming the part, its type and its input shape: one latency-table entry per key
    /// (`layer5:k3_e6@24x56x56`, `stem@3x224x224`).
    public var key: String {
        let s = spec.input
        let shape = "\(s.channels)x\(s.height)x\(s.width)"
        switch kind {
        case .stem: return "stem@\(shape)"
        case .block(let p, let type): return "layer\(p + 1):\(type)@\(shape)"
        case .between(let p): return "before\(p + 1)@\(shape)"
        case .head: return "head@\(shape)"
        }
    }
}
