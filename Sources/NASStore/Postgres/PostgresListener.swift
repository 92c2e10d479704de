import Foundation

/// Rings doorbells whenever the trial queue of a PostgreSQL database changes, in any process: it `LISTEN`s on
/// the channels the store's queue writes `NOTIFY` (`PostgresStore.queuedChannel` when trials are queued or
/// released, `completedChannel` when results are written) and rings the doorbell of each.
///
/// A thread of its own waits on a connection of its own (the store's connection stays free for transactions);
/// when that connection is lost it connects again, every half second, and rings both once connected (changes
/// may have been missed meanwhile). Waiters never depend on it alone: they wait on a doorbell with a timeout
/// and look at the queue again anyway. It stops when the store that started it is gone.
final class PostgresListener: Sendable {
    /// Rung when trials are queued or released (what idle workers wait for).
    let queued = QueueDoorbell()
    /// Rung when trials are completed (what a driver waiting for external workers waits for).
    let completed = QueueDoorbell()
    private let settings: PostgresSettings

    /// Starts listening for the store at `settings`; `alive` says whether the store still wants it.
    init(settings: PostgresSettings, alive: @escaping @Sendable () -> Bool) {
        self.settings = settings
        let thread = Thread { [self] in listen(while: alive) }
        thread.name = "naslab-postgres-listener"
        thread.start()
    }

    /// Connects, listens and rings until `alive` says stop.
    private func listen(while alive: () -> Bool) {
        let channels = [PostgresStore.queuedChannel, PostgresStore.completedChannel]
        while alive() {
            guard let connection = try? PostgresConnection(settings: settings),
                  (try? connection.executeScript(channels.map { "LISTEN \($0);" }.joined())) != nil else {
                Thread.sleep(forTimeInterval: 0.5)
                continue
            }
            queued.ring()
            completed.ring()
            while alive() {
                guard let heard = try? connection.notifications(timeout: 0.5) else { break }
                if heard.contains(PostgresStore.queuedChannel) { queued.ring() }
                if heard.contains(PostgresStore.completedChannel) { completed.ring() }
            }
        }
    }
}
