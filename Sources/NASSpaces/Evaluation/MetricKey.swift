import Synchronization
import NASCore

/// A metric name interned as a small number, so that hot paths find a metric without hashing its name.
///
/// Every distinct name gets one key for the life of the process (`MetricKey("accuracy")` always gives
/// `MetricKey.accuracy`). Keys are process-local: store and exchange metric names, never key numbers.
/// The standard metric names have fixed keys available as constants.
public struct MetricKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The key's number: its position in the process's list of interned names.
    public let number: Int32

    /// The key of `name`, interning it on first use.
    public init(_ name: String) {
        // The standard names have fixed numbers; comparing with them is cheaper than taking the lock.
        if let standard = MetricKey.standardNames.firstIndex(of: name) {
            number = Int32(standard)
            return
        }
        number = MetricKey.registry.withLock { $0.number(of: name) }
    }

    /// The key of an already interned number.
    @usableFromInline init(number: Int32) {
        self.number = number
    }

    /// The key of `name` if some result or objective already used it, without interning it.
    public static func existing(_ name: String) -> MetricKey? {
        registry.withLock { $0.numbers[name] }
    }

    /// The metric's name.
    public var name: String { MetricKey.registry.withLock { $0.names[Int(number)] } }

    public var description: String { name }

    public static func < (a: MetricKey, b: MetricKey) -> Bool { a.number < b.number }

    /// Validation accuracy, what searches optimise by default.
    @inlinable public static var accuracy: MetricKey { MetricKey(number: 0) }
    /// Validation accuracy when `accuracy` reports another one.
    @inlinable public static var validAccuracy: MetricKey { MetricKey(number: 1) }
    /// Test accuracy (reported, never searched on).
    @inlinable public static var testAccuracy: MetricKey { MetricKey(number: 2) }
    /// Loss.
    @inlinable public static var loss: MetricKey { MetricKey(number: 3) }
    /// Parameter count.
    @inlinable public static var params: MetricKey { MetricKey(number: 4) }
    /// Floating-point operations (2 per multiply-accumulate).
    @inlinable public static var flops: MetricKey { MetricKey(number: 5) }
    /// Multiply-accumulates.
    @inlinable public static var macs: MetricKey { MetricKey(number: 6) }
    /// Latency in seconds.
    @inlinable public static var latency: MetricKey { MetricKey(number: 7) }
    /// Training time in seconds.
    @inlinable public static var trainTime: MetricKey { MetricKey(number: 8) }

    /// The names of the constant keys, in key order: NASCore's one list of standard metric names.
    public static var standardNames: [String] { MetricCatalogue.standardNames }

    /// The process's interned names.
    private static let registry = Mutex(Registry(names: standardNames))

    /// Names by key number and key numbers by name.
    private struct Registry: Sendable {
        var names: [String]
        var numbers: [String: MetricKey] = [:]

        init(names: [String]) {
            self.names = names
            for (i, name) in names.enumerated() { numbers[name] = MetricKey(number: Int32(i)) }
        }

        /// The number of `name`, appending it when new.
        mutating func number(of name: String) -> Int32 {
            if let key = numbers[name] { return key.number }
            precondition(names.count < Int(Int32.max), "too many distinct metric names")
            let key = MetricKey(number: Int32(names.count))
            names.append(name)
            numbers[name] = key
            return key.number
        }
    }
}
