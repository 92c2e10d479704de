import Foundation

/// Rings a doorbell whenever the trial queue of a PostgreSQL database changes, in any process: it `LISTEN`s on
/// `PostgresStore.queueChannel`, which the store's queue writes `NOTIFY` when they queue or complete trials.
///
/// A thread of its own waits on a connection of its own (the store's connection stays free for transactions);
/// when that connection is lost it connects again, every half second, and rings once connected (changes may
/// have been missed meanwhile). Waiters never depend on it alone: they wait on the doorbell with a timeout
/// and look at the queue again anyway. It stops when the store that started it is gone.
final class PostgresListener: Sendable {
    /// Rung on each notification.
    let doorbell = QueueDoorbell()
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
        while alive() {
            guard let connection = try? PostgresConnection(settings: settings),
                  (try? connection.executeScript("LISTEN \(PostgresStore.queueChannel)")) != nil else {
                Thread.sleep(forTimeInterval: 0.5)
                continue
            }
            doorbell.ring()
            while alive() {
                guard let count = try? connection.notifications(timeout: 0.5) else { break }
                if count > 0 { doorbell.ring() }
            }
        }
    }
}
