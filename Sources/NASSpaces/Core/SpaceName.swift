import Synchronization

/// A space's name held in two words, so that an architecture carries its space's name without a reference.
///
/// Names of up to 15 UTF-8 bytes (every built-in space's) are packed into the words themselves;
/// longer names are interned once per process and held by number. The same name always gives the
/// same words, so comparing names compares two integers.
public struct SpaceName: Sendable, Hashable, CustomStringConvertible {
    /// Bytes 0..<8 of a packed name, or the interned number of a long one.
    @usableFromInline let first: UInt64
    /// Bytes 8..<15 of a packed name, with its length in the top byte; `SpaceName.internedTag` there for a long one.
    @usableFromInline let second: UInt64

    /// The top byte of `second` that marks an interned name.
    private static let internedTag: UInt64 = 0xFF

    /// The name `text`.
    public init(_ text: String) {
        var bytes = (0 as UInt64, 0 as UInt64)
        let count = text.utf8.count
        guard count <= 15 else {
            let number = SpaceName.interned.withLock { $0.number(of: text) }
            (first, second) = (UInt64(number), SpaceName.internedTag << 56)
            return
        }
        for (i, byte) in text.utf8.enumerated() {
            if i < 8 { bytes.0 |= UInt64(byte) << (8 * UInt64(i)) } else { bytes.1 |= UInt64(byte) << (8 * UInt64(i - 8)) }
        }
        (first, second) = (bytes.0, bytes.1 | UInt64(count) << 56)
    }

    /// A name from its two words (as `init(_:)` packs them).
    @usableFromInline init(first: UInt64, second: UInt64) {
        self.first = first
        self.second = second
    }

    /// The name as a string.
    public var string: String {
        let count = Int(second >> 56)
        guard UInt64(count) != SpaceName.internedTag else {
            return SpaceName.interned.withLock { $0.names[Int(first)] }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for i in 0..<count {
            let word = i < 8 ? first : second
            bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(8 * (i % 8))))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { string }

    /// The long names seen so far (space names are few: they are never forgotten).
    private static let interned = Mutex(LongNames())

    /// Long names by number and numbers by name.
    private struct LongNames: Sendable {
        var names: [String] = []
        var numbers: [String: Int] = [:]

        /// The number of `name`, appending it when new.
        mutating func number(of name: String) -> Int {
            if let number = numbers[name] { return number }
            names.append(name)
            numbers[name] = names.count - 1
            return names.count - 1
        }
    }
}
