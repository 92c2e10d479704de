import Foundation

/// Wakes threads that wait on the trial queue, so that they need not sleep out a poll interval: a run's driver
/// rings its own when it has queued a batch and its in-process workers ring it when they complete a trial; a
/// PostgreSQL store rings its own whenever any process queues or completes trials (`PostgresListener`).
public final class QueueDoorbell: @unchecked Sendable {
    private let condition = NSCondition()
    /// How many times it rang; a waiter compares it with the count it saw before it looked at the queue.
    private var rings = 0

    /// A doorbell that has not rung.
    public init() {}

    /// The number of rings so far: read it before looking at the queue, then `wait(after:)` with it.
    public var generation: Int {
        condition.lock()
        defer { condition.unlock() }
        return rings
    }

    /// Wakes every waiter.
    public func ring() {
        condition.lock()
        rings += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until it rings after `generation` was read, or `timeout` seconds pass.
    public func wait(after generation: Int, timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while rings == generation, condition.wait(until: deadline) {}
        condition.unlock()
    }
}
