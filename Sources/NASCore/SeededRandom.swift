/// A small, fast, seedable random number generator (xoshiro256**, seeded by SplitMix64).
///
/// Every random choice in naslab flows from one of these, so the same seed gives the same
/// result on the same machine.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable, Codable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        s0 = SeededRandom.splitMix(&sm)
        s1 = SeededRandom.splitMix(&sm)
        s2 = SeededRandom.splitMix(&sm)
        s3 = SeededRandom.splitMix(&sm)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable @inline(__always) static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    @inlinable @inline(__always) public mutating func next() -> UInt64 {
        let result = SeededRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededRandom.rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1).
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<n`; `n` must be positive.
    ///
    /// Lemire's multiply-shift draw with rejection, written out so that it inlines into callers: the
    /// same arithmetic as the standard library's `next(upperBound:)`, so it gives the same numbers.
    @inlinable @inline(__always) public mutating func nextInt(below n: Int) -> Int {
        precondition(n > 0, "nextInt(below:) needs a positive bound")
        let bound = UInt64(truncatingIfNeeded: n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(truncatingIfNeeded: product.high)
    }

    /// A standard normal sample (Box–Muller).
    public mutating func nextGaussian() -> Double {
        var u1 = nextDouble()
        while u1 <= Double.leastNormalMagnitude { u1 = nextDouble() }
        let u2 = nextDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A generator for a child stream, so parallel parts stay reproducible.
    public mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }
}

import Foundation
