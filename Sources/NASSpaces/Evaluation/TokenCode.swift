/// Numbers the architectures of a product space: the mixed-radix number of their tokens.
///
/// For a space of `count` decisions with `radix` options each, the number of an architecture is
/// its tokens read as the digits of a base-`radix` number, the first token most significant
/// (NB201's cells: 6 edges of 5 ops, numbers 0..<15,625). A table over such a space is indexed by
/// this number. For up to 8 tokens and a radix of at most 128 (NB201's), the number is computed on
/// the packed token word without a loop: one test checks every token against the radix, then
/// three multiply-add steps combine neighbouring digits (pairs, then pairs of pairs, then halves).
public struct TokenCode: Sendable {
    /// The space whose architectures are numbered.
    public let space: SpaceName
    /// The number of tokens.
    public let count: Int
    /// The number of options of each decision.
    public let radix: Int
    /// For at most 8 tokens and a radix of at most 128: the high bit of each token's byte (else 0).
    @usableFromInline let highBits: UInt64
    /// Likewise: `0x80 - radix` in each token's byte, which carries into the high bit exactly when the byte is `radix` or more.
    @usableFromInline let overflowAddend: UInt64
    /// Likewise: how far to shift the packed word left so that its last token is in the top byte.
    @usableFromInline let alignShift: UInt64
    /// `radix` squared and to the fourth power (the weights of the second and third combining steps).
    @usableFromInline let radix2: UInt64, radix4: UInt64

    /// Numbers architectures of `space` with `count` tokens below `radix`.
    public init(space: SpaceName, count: Int, radix: Int) {
        precondition(count >= 0 && radix >= 1, "a token code needs a non-negative count and a positive radix")
        self.space = space
        self.count = count
        self.radix = radix
        let packed = count >= 1 && count <= 8 && radix <= 128
        let ones: UInt64 = packed ? (0..<count).reduce(0) { $0 | 1 << (8 * UInt64($1)) } : 0
        highBits = ones &* 0x80
        overflowAddend = ones &* UInt64(0x80 - min(radix, 128))
        alignShift = packed ? UInt64(8 * (8 - count)) : 0
        radix2 = UInt64(min(radix, 128) * min(radix, 128))
        radix4 = radix2 * radix2
    }

    /// The number of `architecture`, or nil when it is of another space, has another token count or
    /// a token outside 0..<radix.
    @inlinable @inline(__always) public func number(of architecture: Architecture) -> Int? {
        withUnsafePointer(to: self) { TokenCode.number(of: architecture, by: $0) }
    }

    /// The number of `architecture` by the code at `code`, read field by field in place.
    @inlinable @inline(__always)
    public static func number(of architecture: Architecture, by code: UnsafePointer<TokenCode>) -> Int? {
        let highBits = code.pointee.highBits
        guard architecture.spaceName == code.pointee.space,
              architecture.inlineCount == code.pointee.count, highBits != 0 else {
            return code.pointee.numberUnpacked(of: architecture)
        }
        // Every byte below `radix`, tested at once: a byte of 0x80 or more has its high bit set already,
        // and adding `0x80 - radix` to a smaller one sets it exactly when the byte is `radix` or more.
        let word = architecture.low
        guard (word | (word &+ code.pointee.overflowAddend)) & highBits == 0 else { return nil }
        // Digits in bytes, the first token in the highest used byte after the shift and so most significant:
        // combine neighbouring bytes (16-bit lanes), then lanes (32-bit), then the two halves.
        let digits = word << code.pointee.alignShift
        let radix = UInt64(truncatingIfNeeded: code.pointee.radix)
        let pairs = (digits & 0x00FF_00FF_00FF_00FF) &* radix &+ ((digits >> 8) & 0x00FF_00FF_00FF_00FF)
        let quads = (pairs & 0x0000_FFFF_0000_FFFF) &* code.pointee.radix2 &+ ((pairs >> 16) & 0x0000_FFFF_0000_FFFF)
        return Int(truncatingIfNeeded: (quads & 0xFFFF_FFFF) &* code.pointee.radix4 &+ (quads >> 32))
    }

    /// The number of an architecture the packed path does not take (more than 8 tokens, a radix above
    /// 128, interned tokens), or nil when it is of another space or its tokens do not fit.
    @usableFromInline func numberUnpacked(of architecture: Architecture) -> Int? {
        guard architecture.spaceName == space, architecture.tokenCount == count else { return nil }
        var number = 0
        for i in 0..<count {
            let token = architecture.token(at: i)
            guard token >= 0 && token < radix else { return nil }
            number = number &* radix &+ token
        }
        return number
    }
}
