/// An exact non-negative integer of any size, for counting search spaces (OFA has ~2×10^19).
public struct BigCount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Little-endian base-2^32 limbs; no trailing zero limbs (zero is `[]`).
    public private(set) var limbs: [UInt32]

    /// Creates the count `n`.
    public init(_ n: UInt64) {
        limbs = []
        var v = n
        while v > 0 {
            limbs.append(UInt32(truncatingIfNeeded: v))
            v >>= 32
        }
    }

    /// Creates a count from an `Int`; it must not be negative.
    public init(_ n: Int) {
        precondition(n >= 0, "BigCount is non-negative")
        self.init(UInt64(n))
    }

    /// Zero.
    public static let zero = BigCount(0 as UInt64)
    /// One.
    public static let one = BigCount(1 as UInt64)

    /// The value as an `Int`, or nil when it does not fit.
    public var intValue: Int? {
        if limbs.count > 2 { return nil }
        var v: UInt64 = 0
        for (i, l) in limbs.enumerated() { v |= UInt64(l) << (32 * UInt64(i)) }
        return v <= UInt64(Int.max) ? Int(v) : nil
    }

    /// The nearest `Double`.
    public var doubleValue: Double {
        limbs.reversed().reduce(0.0) { $0 * 4_294_967_296.0 + Double($1) }
    }

    public static func + (a: BigCount, b: BigCount) -> BigCount {
        var out: [UInt32] = []
        var carry: UInt64 = 0
        for i in 0..<max(a.limbs.count, b.limbs.count) {
            let s = UInt64(i < a.limbs.count ? a.limbs[i] : 0) + UInt64(i < b.limbs.count ? b.limbs[i] : 0) + carry
            out.append(UInt32(truncatingIfNeeded: s))
            carry = s >> 32
        }
        if carry > 0 { out.append(UInt32(carry)) }
        return BigCount(limbs: out)
    }

    public static func * (a: BigCount, b: BigCount) -> BigCount {
        if a.limbs.isEmpty || b.limbs.isEmpty { return .zero }
        var out = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for (i, x) in a.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, y) in b.limbs.enumerated() {
                let t = UInt64(x) * UInt64(y) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            var k = i + b.limbs.count
            while carry > 0 {
                let t = UInt64(out[k]) + carry
                out[k] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
                k += 1
            }
        }
        return BigCount(limbs: out)
    }

    /// `self` raised to a small power.
    public func power(_ exponent: Int) -> BigCount {
        var result = BigCount.one
        for _ in 0..<exponent { result = result * self }
        return result
    }

    public static func < (a: BigCount, b: BigCount) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        for i in stride(from: a.limbs.count - 1, through: 0, by: -1) where a.limbs[i] != b.limbs[i] {
            return a.limbs[i] < b.limbs[i]
        }
        return false
    }

    /// The exact decimal digits.
    public var description: String {
        if limbs.isEmpty { return "0" }
        var digits: [String] = []
        var rest = limbs
        while !rest.isEmpty {
            var remainder: UInt64 = 0
            for i in stride(from: rest.count - 1, through: 0, by: -1) {
                let cur = (remainder << 32) | UInt64(rest[i])
                rest[i] = UInt32(cur / 1_000_000_000)
                remainder = cur % 1_000_000_000
            }
            while let last = rest.last, last == 0 { rest.removeLast() }
            let chunk = String(remainder)
            digits.append(rest.isEmpty ? chunk : String(repeating: "0", count: 9 - chunk.count) + chunk)
        }
        return digits.reversed().joined()
    }

    private init(limbs: [UInt32]) {
        var l = limbs
        while let last = l.last, last == 0 { l.removeLast() }
        self.limbs = l
    }
}
