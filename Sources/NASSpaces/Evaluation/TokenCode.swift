/// Numbers the architectures of a product space: the mixed-radix number of their tokens.
///
/// For a space of `count` decisions with `radix` options each, the number of an architecture is
/// its tokens read as the digits of a base-`radix` number, the first token most significant
/// (NB201's cells: 6 edges of 5 ops, numbers 0..<15,625). A table over such a space is indexed by
/// this number, and finding a row is a few shifts and multiplications on the packed tokens.
public struct TokenCode: Sendable {
    /// The space whose architectures are numbered.
    public let space: SpaceName
    /// The number of tokens.
    public let count: Int
    /// The number of options of each decision.
    public let radix: Int
    /// For at most 8 tokens and a radix of at most 128: the high bit of each token's byte.
    @usableFromInline let highBits: UInt64
    /// Likewise: `0x80 - radix` in each token's byte, which carries into the high bit exactly when the byte is `radix` or more.
    @usableFromInline let overflowAddend: UInt64
    /// Likewise: the weight of each token's byte, `radix` to the power of the tokens after it (0 past `count`).
    @usableFromInline let weights: (Int, Int, Int, Int, Int, Int, Int, Int)

    /// Numbers architectures of `space` with `count` tokens below `radix`.
    public init(space: SpaceName, count: Int, radix: Int) {
        precondition(count >= 0 && radix >= 1, "a token code needs a non-negative count and a positive radix")
        self.space = space
        self.count = count
        self.radix = radix
        let packed = count <= 8 && radix <= 128
        let ones: UInt64 = packed ? (0..<count).reduce(0) { $0 | 1 << (8 * UInt64($1)) } : 0
        highBits = ones &* 0x80
        overflowAddend = ones &* UInt64(0x80 - min(radix, 128))
        var w = [Int](repeating: 0, count: 8)
        if packed {
            var power = 1
            for i in stride(from: count - 1, through: 0, by: -1) {
                w[i] = power
                power = power.multipliedReportingOverflow(by: radix).partialValue
            }
        }
        weights = (w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7])
    }

    /// The number of `architecture`, or nil when it is of another space, has another token count or
    /// a token outside 0..<radix. Inline tokens are read straight from their packed words.
    @inlinable @inline(__always) public func number(of architecture: Architecture) -> Int? {
        guard architecture.spaceName == space, architecture.inlineCount == count else {
            return architecture.inlineCount < 0 && architecture.spaceName == space ? internedNumber(of: architecture) : nil
        }
        if highBits != 0 {
            // Every byte below `radix`, tested at once: a byte of 0x80 or more has its high bit set already,
            // and adding `0x80 - radix` to a smaller one sets it exactly when the byte is `radix` or more.
            let word = architecture.low
            guard (word | (word &+ overflowAddend)) & highBits == 0 else { return nil }
            let byte = { (i: UInt64) in Int(truncatingIfNeeded: (word >> (8 * i)) & 0xFF) }
            let w = weights
            return byte(0) &* w.0 &+ byte(1) &* w.1 &+ byte(2) &* w.2 &+ byte(3) &* w.3
                &+ byte(4) &* w.4 &+ byte(5) &* w.5 &+ byte(6) &* w.6 &+ byte(7) &* w.7
        }
        let limit = UInt64(truncatingIfNeeded: radix)
        var number = 0
        var word = architecture.low
        for i in 0..<count {
            if i == 8 { word = architecture.high }
            let token = word & 0xFF
            guard token < limit else { return nil }
            number = number &* radix &+ Int(truncatingIfNeeded: token)
            word >>= 8
        }
        return number
    }

    /// The number of an architecture whose tokens are interned (more than 16, or one above 255).
    @usableFromInline func internedNumber(of architecture: Architecture) -> Int? {
        let tokens = architecture.tokens
        guard tokens.count == count else { return nil }
        var number = 0
        for token in tokens {
            guard token >= 0 && token < radix else { return nil }
            number = number &* radix &+ token
        }
        return number
    }
}
