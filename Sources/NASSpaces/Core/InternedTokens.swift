import Synchronization

/// The token lists of architectures that do not fit inline, interned for the life of the process.
///
/// An `Architecture` with more than `Architecture.inlineCapacity` tokens, or a token outside 0...255,
/// holds its list's number here instead of a reference, so that every architecture is a plain value
/// that copies as bytes. Equal lists always get the same number (hash-consing), so comparing two
/// numbers compares two lists. Lists are never forgotten, so they are kept compactly: lists of
/// tokens in 0...255 (every built-in space's) one byte per token, back to back in one buffer, with
/// an 8-byte span and an open-addressing index slot each: 200,000 distinct FBNet architectures
/// (22 tokens) add about 11 MB, ~55 bytes each. Lists with a larger token are kept as arrays.
/// Reads and writes take a lock.
@usableFromInline enum InternedTokens {
    /// Every list interned so far.
    private static let table = Mutex(Table())

    /// The top bit of a number that refers to a list kept as an array (a token outside 0...255).
    private static let wideTag: UInt64 = 1 << 63

    /// The interned lists.
    private struct Table: Sendable {
        /// The tokens of every byte-sized list, back to back.
        var bytes: [UInt8] = []
        /// Each byte-sized list's start in `bytes` (high 32 bits) and length (low 32 bits).
        var spans: [UInt64] = []
        /// Open-addressing index of the byte-sized lists by content: a span's number + 1, or 0 when empty.
        var slots = [Int32](repeating: 0, count: 1024)
        /// Lists with a token outside 0...255, and their numbers.
        var wide: [[Int]] = []
        var wideNumbers: [[Int]: Int] = [:]

        /// The number of `tokens`, appending them when new.
        mutating func number(of tokens: [Int]) -> UInt64 {
            guard tokens.allSatisfy({ $0 >= 0 && $0 <= 255 }) else { return wideNumber(of: tokens) }
            var slot = Table.hash(tokens) & (slots.count - 1)
            while slots[slot] != 0 {
                let number = Int(slots[slot] - 1)
                if holds(number, tokens) { return UInt64(number) }
                slot = (slot + 1) & (slots.count - 1)
            }
            precondition(spans.count < Int(Int32.max) - 1 && bytes.count + tokens.count < Int(UInt32.max),
                         "too many interned token lists")
            spans.append(UInt64(bytes.count) << 32 | UInt64(tokens.count))
            bytes.append(contentsOf: tokens.lazy.map { UInt8($0) })
            slots[slot] = Int32(spans.count)
            if spans.count * 2 > slots.count { growIndex() }
            return UInt64(spans.count - 1)
        }

        /// The number of a list with a token outside 0...255.
        mutating func wideNumber(of tokens: [Int]) -> UInt64 {
            if let number = wideNumbers[tokens] { return InternedTokens.wideTag | UInt64(number) }
            wide.append(tokens)
            wideNumbers[tokens] = wide.count - 1
            return InternedTokens.wideTag | UInt64(wide.count - 1)
        }

        /// Where byte-sized list `number` is in `bytes`.
        func span(_ number: Int) -> Range<Int> {
            let start = Int(spans[number] >> 32)
            return start..<start + Int(spans[number] & 0xFFFF_FFFF)
        }

        /// Whether byte-sized list `number` is `tokens`.
        func holds(_ number: Int, _ tokens: [Int]) -> Bool {
            let span = span(number)
            return span.count == tokens.count && zip(bytes[span], tokens).allSatisfy { Int($0) == $1 }
        }

        /// The list with number `number`.
        func tokens(_ number: UInt64) -> [Int] {
            if number & InternedTokens.wideTag != 0 { return wide[Int(number & ~InternedTokens.wideTag)] }
            return bytes[span(Int(number))].map(Int.init)
        }

        /// Token `i` of the list with number `number`.
        func token(_ number: UInt64, at i: Int) -> Int {
            if number & InternedTokens.wideTag != 0 { return wide[Int(number & ~InternedTokens.wideTag)][i] }
            let span = span(Int(number))
            precondition(i >= 0 && i < span.count, "token index \(i) out of range 0..<\(span.count)")
            return Int(bytes[span.lowerBound + i])
        }

        /// Doubles the index and puts every list back in it.
        mutating func growIndex() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for number in spans.indices {
                let tokens = bytes[span(number)].map(Int.init)
                var slot = Table.hash(tokens) & (slots.count - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(number + 1)
            }
        }

        /// FNV-1a over the length and the tokens (the same in every process, so the index is too).
        static func hash(_ tokens: [Int]) -> Int {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(tokens.count)
            for t in tokens { h = (h ^ UInt64(t)) &* 0x100_0000_01B3 }
            return Int(truncatingIfNeeded: h ^ (h >> 29))
        }
    }

    /// The number of `tokens` (the same for equal lists).
    static func number(of tokens: [Int]) -> UInt64 {
        table.withLock { $0.number(of: tokens) }
    }

    /// The list with number `number`.
    static func tokens(_ number: UInt64) -> [Int] {
        table.withLock { $0.tokens(number) }
    }

    /// Token `i` of the list with number `number`.
    @usableFromInline static func token(_ number: UInt64, at i: Int) -> Int {
        table.withLock { $0.token(number, at: i) }
    }
}
