import Synchronization

/// A process-wide cache of compiled kernels keyed by a description of their shapes.
///
/// Building a oneDNN primitive searches implementations and JIT-compiles code (tens of
/// microseconds to milliseconds), so each distinct shape is built once and reused.
final class PrimitiveCache: Sendable {
    /// The shared cache.
    static let shared = PrimitiveCache()

    private let entries = Mutex<[String: any Sendable]>([:])

    /// The cached value for `key`, building it with `make` the first time.
    func value<T: Sendable>(_ key: String, _ make: () throws -> T) throws -> T {
        if let hit = entries.withLock({ $0[key] }) as? T { return hit }
        let made = try make()
        entries.withLock { $0[key] = made }
        return made
    }

    /// The number of cached kernels.
    var count: Int { entries.withLock { $0.count } }
}
