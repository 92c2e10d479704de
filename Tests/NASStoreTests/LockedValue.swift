import Foundation

/// A value behind a lock, for the fixture's one piece of global state.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Holds `value`.
    init(_ value: Value) { self.value = value }

    /// Runs `body` on the value under the lock.
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.withLock { body(&value) }
    }
}
