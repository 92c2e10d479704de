import Synchronization

/// The token lists of architectures that do not fit inline, interned for the life of the process.
///
/// An `Architecture` with more than `Architecture.inlineCapacity` tokens, or a token outside 0...255,
/// holds its list's number here instead of a reference, so that every architecture is a plain value
/// that copies as bytes. Equal lists always get the same number (hash-consing), so comparing two
/// numbers compares two lists. Lists are never forgotten: each distinct long architecture a process
/// creates keeps about 8 bytes per token plus ~100 bytes of bookkeeping (100,000 distinct FBNet
/// architectures of 22 tokens: ~28 MB). Reads and writes take a lock; the spaces with long
/// architectures are searched with evaluators that train or look up several tables per trial, which
/// cost far more.
@usableFromInline enum InternedTokens {
    /// Every list interned so far, and the number of each.
    private static let table = Mutex(Table())

    /// Lists by number and numbers by list.
    private struct Table: Sendable {
        var lists: [[Int]] = []
        var numbers: [[Int]: Int] = [:]

        /// The number of `tokens`, appending them when new.
        mutating func number(of tokens: [Int]) -> Int {
            if let number = numbers[tokens] { return number }
            lists.append(tokens)
            numbers[tokens] = lists.count - 1
            return lists.count - 1
        }
    }

    /// The number of `tokens` (the same for equal lists).
    static func number(of tokens: [Int]) -> UInt64 {
        UInt64(table.withLock { $0.number(of: tokens) })
    }

    /// The list with number `number`.
    static func tokens(_ number: UInt64) -> [Int] {
        table.withLock { $0.lists[Int(number)] }
    }

    /// Token `i` of the list with number `number`.
    @usableFromInline static func token(_ number: UInt64, at i: Int) -> Int {
        table.withLock { $0.lists[Int(number)][i] }
    }
}
