import Foundation
import GRDB
import NASCore
import Synchronization

/// The experiment store in a PostgreSQL database: the SQLite store's tables, migrations and
/// queries, for several machines writing to one place.
///
/// One libpq connection serves the store, under a lock. Every method is one transaction; when
/// the connection is lost (the server restarted, the network dropped) the transaction is run
/// again on a new connection, for up to `reconnectWindow`. A transaction whose COMMIT got no
/// answer is looked up by its transaction id (`txid_status`) before anything is retried, so a
/// result is never recorded twice.
public final class PostgresStore: ExperimentStore, @unchecked Sendable {
    /// How to reach the database (its description has no password).
    public let settings: PostgresSettings
    /// How long work waits for a lost server to come back before it fails.
    public static let reconnectWindow: TimeInterval = 30
    /// The advisory lock that serialises migrations of several processes.
    static let migrationLock: Int64 = 0x6E61_736C_6162   // "naslab"

    private let lock = NSLock()
    /// The open connection (nil after one was lost).
    private var connection: PostgresConnection?
    /// The listener that rings `queuedDoorbell` and `completedDoorbell`, started on first use.
    private let listener = Mutex<PostgresListener?>(nil)

    /// Connects (once, without retrying: an unreachable server is reported at once) and brings
    /// the schema up to date.
    public init(settings: PostgresSettings) throws {
        self.settings = settings
        do {
            connection = try PostgresConnection(settings: settings)
        } catch let failure as PostgresFailure {
            throw StoreError.database(failure.message)
        }
        try migrate()
    }

    /// Applies the migrations not yet recorded in `naslab_migrations`, one process at a time.
    private func migrate() throws {
        try write { connection in
            try connection.query("SELECT pg_advisory_xact_lock(?)", [Self.migrationLock])
            try connection.executeScript("""
                CREATE TABLE IF NOT EXISTS naslab_migrations(
                    identifier TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)
                """)
            let applied = Set(try connection.query("SELECT identifier FROM naslab_migrations").values.compactMap {
                String.fromDatabaseValue($0[0])
            })
            for migration in Self.migrations where !applied.contains(migration.identifier) {
                try connection.executeScript(migration.sql)
                try connection.query("INSERT INTO naslab_migrations(identifier, applied_at) VALUES (?, ?)",
                                     [migration.identifier, Date().timeIntervalSince1970])
            }
        }
    }

    /// The PostgreSQL migrations: SQLite's functions first, then the shared schema translated.
    static var migrations: [(identifier: String, sql: String)] {
        [("pg-sqlite-functions", SQLDialect.postgresCompatibility)]
            + StoreSchema.migrations.map { ($0.identifier, SQLDialect.postgres.ddl($0.sql)) }
    }

    // MARK: Transactions

    /// Runs `body` in a write transaction, retried on a new connection if the connection is lost.
    func write<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction(readOnly: false, body)
    }

    /// Runs `body` in a read-only transaction, retried on a new connection if the connection is lost.
    func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction(readOnly: true, body)
    }

    /// One transaction, with the retry loop around it; errors leave as `StoreError`s.
    private func transaction<T>(readOnly: Bool, _ body: (PostgresConnection) throws -> T) throws -> T {
        try lock.withLock {
            let deadline = Date().addingTimeInterval(Self.reconnectWindow)
            var pause = 0.05
            while true {
                do {
                    return try attempt(readOnly: readOnly, deadline: deadline, body)
                } catch let failure as PostgresFailure where failure.connectionLost && Date() < deadline {
                    connection = nil
                    Thread.sleep(forTimeInterval: pause)
                    pause = min(pause * 2, 0.5)
                } catch let failure as PostgresFailure {
                    if failure.connectionLost { connection = nil }
                    throw StoreError.database(failure.message)
                }
            }
        }
    }

    /// One try of a transaction on the current (or a new) connection.
    private func attempt<T>(readOnly: Bool, deadline: Date, _ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try openConnection()
        do {
            // A write learns its transaction id as it begins, in the same round trip.
            let begun = try connection.executeScript(readOnly ? "BEGIN READ ONLY" : "BEGIN; SELECT txid_current()")
            let transactionID = readOnly ? nil : begun.scalar.flatMap(Int64.fromDatabaseValue)
            let value = try body(connection)
            try commit(connection, transactionID: transactionID, deadline: deadline)
            return value
        } catch let failure as PostgresFailure where failure.connectionLost {
            throw failure
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Commits; when the COMMIT's answer is lost, asks a new connection whether it happened,
    /// and throws (so that the work is retried) only when it did not.
    private func commit(_ connection: PostgresConnection, transactionID: Int64?, deadline: Date) throws {
        do {
            try connection.execute("COMMIT")
        } catch let failure as PostgresFailure where failure.connectionLost {
            guard let transactionID else { return }   // a read: nothing to lose
            self.connection = nil
            if try committedAfterLoss(transactionID, deadline: deadline) { return }
            throw failure
        }
    }

    /// Whether a transaction whose COMMIT went unanswered was committed, asked on a new connection.
    private func committedAfterLoss(_ transactionID: Int64, deadline: Date) throws -> Bool {
        while true {
            do {
                let status = try openConnection().query("SELECT txid_status(?)", [transactionID]).scalar
                    .flatMap(String.fromDatabaseValue)
                if status == "in progress", Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.05)
                    continue
                }
                return status == "committed"
            } catch let failure as PostgresFailure where failure.connectionLost && Date() < deadline {
                connection = nil
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    /// The open connection, connecting again when it was lost.
    private func openConnection() throws -> PostgresConnection {
        if let connection, connection.isUsable { return connection }
        let fresh = try PostgresConnection(settings: settings)
        connection = fresh
        return fresh
    }

    /// Rung whenever any process queues or releases trials in this database (`PostgresListener`).
    public var queuedDoorbell: QueueDoorbell? { startedListener.queued }
    /// Rung whenever any process completes trials in this database (`PostgresListener`).
    public var completedDoorbell: QueueDoorbell? { startedListener.completed }

    /// The store's listener, started on first use.
    private var startedListener: PostgresListener {
        listener.withLock { listener in
            if let listener { return listener }
            let started = PostgresListener(settings: settings, alive: { [weak self] in self != nil })
            listener = started
            return started
        }
    }

    // MARK: Descriptions

    @discardableResult
    public func registerDataset(name: String, description: String) throws -> Int64 {
        try write { connection in
            try connection.query("""
                INSERT INTO datasets(name, description, created_at) VALUES (?, ?, ?) ON CONFLICT (description) DO NOTHING
                """, [name, description, Date().timeIntervalSince1970])
            return try Self.id(connection.query("SELECT id FROM datasets WHERE description = ?", [description]))
        }
    }

    @discardableResult
    public func registerEvaluator(descriptor: String) throws -> Int64 {
        try write { connection in try Self.evaluatorID(descriptor, connection) }
    }

    /// The id of an evaluator descriptor, recording it when new.
    static func evaluatorID(_ descriptor: String, _ connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO evaluators(descriptor, created_at) VALUES (?, ?) ON CONFLICT (descriptor) DO NOTHING
            """, [descriptor, Date().timeIntervalSince1970])
        return try id(connection.query("SELECT id FROM evaluators WHERE descriptor = ?", [descriptor]))
    }

    /// The integer in the first column of the first row (an id).
    static func id(_ rows: PostgresRows) throws -> Int64 {
        guard let value = rows.scalar, let id = Int64.fromDatabaseValue(value) else {
            throw StoreError.corrupt("a statement that returns an id returned none")
        }
        return id
    }
}
