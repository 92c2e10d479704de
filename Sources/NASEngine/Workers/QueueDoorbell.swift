import Foundation

/// Wakes the threads of one process that wait on the trial queue: a run's driver rings when it has queued
/// a batch, its in-process workers ring when they complete a trial, so neither side sleeps out a poll
/// interval. Other processes are not woken (they poll the store).
final class QueueDoorbell: @unchecked Sendable {
    private let condition = NSCondition()
    /// How many times it rang; a waiter compares it with the count it saw before it looked at the queue.
    private var rings = 0

    /// The number of rings so far: read it before looking at the queue, then `wait(after:)` with it.
    var generation: Int {
        condition.lock()
        defer { condition.unlock() }
        return rings
    }

    /// Wakes every waiter.
    func ring() {
        condition.lock()
        rings += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until it rings after `generation` was read, or `timeout` seconds pass.
    func wait(after generation: Int, timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while rings == generation, condition.wait(until: deadline) {}
        condition.unlock()
    }
}
