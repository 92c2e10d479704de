/// One member of a search space: the space's name and one choice index per decision.
///
/// Every space in naslab is a fixed list of decisions (`SearchSpace.decisions`); an
/// architecture is the index chosen for each. Decisions that a structural choice switches
/// off (layers beyond the chosen depth) hold 0 and are ignored by the space's canonical form.
/// This one representation is what lets every strategy work on every space.
///
/// Up to `inlineCapacity` tokens in 0...255 (every cell space's, NB201's) are kept inline, one
/// byte each; longer or larger token lists are interned for the process (`InternedTokens`) and
/// held by number. An architecture therefore holds no reference: copying one copies 40 bytes, and
/// the proposals, observations and trial records that carry one stay plain values too. Hot paths
/// read tokens with `tokenCount` and `token(at:)`; `tokens` gives them as an array.
public struct Architecture: Sendable, Hashable, Codable {
    /// The most tokens kept inline.
    public static let inlineCapacity = 16

    /// The name of the space this architecture belongs to, held without a reference.
    public var spaceName: SpaceName

    /// The name of the space this architecture belongs to.
    public var space: String {
        get { spaceName.string }
        set { spaceName = SpaceName(newValue) }
    }
    /// Tokens 0..<8 inline, one byte each, token `i` in bits `8i..<8i+8`; the interned list's number when not inline.
    @usableFromInline var low: UInt64
    /// Tokens 8..<16 inline, likewise; the interned list's length when not inline.
    @usableFromInline var high: UInt64
    /// The number of inline tokens, or -1 when the tokens are interned.
    @usableFromInline var inlineCount: Int

    /// The tokens, when they do not fit inline.
    var array: [Int]? { inlineCount < 0 ? InternedTokens.tokens(low) : nil }

    /// Creates an architecture from its tokens.
    public init(space: String, tokens: [Int]) {
        self.init(spaceName: SpaceName(space), tokens: tokens)
    }

    /// Creates an architecture of a space given by its packed name.
    public init(spaceName: SpaceName, tokens: [Int]) {
        self.spaceName = spaceName
        (low, high, inlineCount) = (0, 0, 0)
        store(tokens)
    }

    /// Creates an architecture of `count` tokens given by `token(i)`, without an intermediate array when they fit inline.
    @inlinable public init(spaceName: SpaceName, count: Int, token: (Int) -> Int) {
        self.spaceName = spaceName
        (low, high, inlineCount) = (0, 0, count)
        guard count <= Architecture.inlineCapacity else {
            store((0..<count).map(token))
            return
        }
        for i in 0..<count {
            let t = token(i)
            guard t >= 0 && t <= 255 else {
                store((0..<count).map(token))
                return
            }
            if i < 8 { low |= UInt64(t) << (8 * i) } else { high |= UInt64(t) << (8 * (i - 8)) }
        }
    }

    /// The chosen option for each decision, in the space's decision order.
    public var tokens: [Int] {
        get { array ?? (0..<inlineCount).map(token(at:)) }
        set { store(newValue) }
    }

    /// The number of tokens.
    @inlinable public var tokenCount: Int { inlineCount >= 0 ? inlineCount : Int(truncatingIfNeeded: high) }

    /// Token `i` (`0 <= i < tokenCount`).
    @inlinable public func token(at i: Int) -> Int {
        guard inlineCount >= 0 else { return InternedTokens.token(low, at: i) }
        precondition(i >= 0 && i < inlineCount, "token index \(i) out of range 0..<\(inlineCount)")
        return Int(truncatingIfNeeded: (i < 8 ? low >> (8 * i) : high >> (8 * (i - 8))) & 0xFF)
    }

    /// An architecture of `count` tokens (at most 8) packed one byte each in `low`.
    @usableFromInline init(spaceName: SpaceName, count: Int, low: UInt64) {
        precondition(count <= 8, "packed architectures hold at most 8 tokens in their low word")
        self.spaceName = spaceName
        (self.low, high, inlineCount) = (low, 0, count)
    }

    /// This architecture with token `i` set to `token` (`0 <= i < tokenCount`).
    public func replacingToken(at i: Int, with token: Int) -> Architecture {
        guard inlineCount >= 0, token >= 0 && token <= 255 else {
            var tokens = self.tokens
            tokens[i] = token
            return Architecture(spaceName: spaceName, tokens: tokens)
        }
        precondition(i >= 0 && i < inlineCount, "token index \(i) out of range 0..<\(inlineCount)")
        var child = self
        if i < 8 {
            child.low = low & ~(0xFF << (8 * UInt64(i))) | UInt64(token) << (8 * UInt64(i))
        } else {
            child.high = high & ~(0xFF << (8 * UInt64(i - 8))) | UInt64(token) << (8 * UInt64(i - 8))
        }
        return child
    }

    /// Keeps `tokens` inline when they fit, else interned.
    @usableFromInline mutating func store(_ tokens: [Int]) {
        (low, high) = (0, 0)
        guard tokens.count <= Architecture.inlineCapacity, tokens.allSatisfy({ $0 >= 0 && $0 <= 255 }) else {
            (inlineCount, low, high) = (-1, InternedTokens.number(of: tokens), UInt64(tokens.count))
            return
        }
        inlineCount = tokens.count
        for (i, t) in tokens.enumerated() {
            if i < 8 { low |= UInt64(t) << (8 * i) } else { high |= UInt64(t) << (8 * (i - 8)) }
        }
    }

    private enum CodingKeys: String, CodingKey { case space, tokens }

    /// Reads `{"space": ..., "tokens": [...]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(space: try container.decode(String.self, forKey: .space),
                  tokens: try container.decode([Int].self, forKey: .tokens))
    }

    /// Writes `{"space": ..., "tokens": [...]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(space, forKey: .space)
        try container.encode(tokens, forKey: .tokens)
    }

    /// Equal tokens always have the same representation (inline bytes or interned number), so comparing
    /// representations compares tokens.
    public static func == (a: Architecture, b: Architecture) -> Bool {
        a.inlineCount == b.inlineCount && a.low == b.low && a.high == b.high && a.spaceName == b.spaceName
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(spaceName)
        hasher.combine(inlineCount)
        hasher.combine(low)
        hasher.combine(high)
    }
}
