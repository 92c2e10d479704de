import Foundation
import GRDB
import NASCore

/// The experiment store in one SQLite file (the workspace's `.naslab/store.sqlite`), in WAL mode.
///
/// Writers are serialised; readers (queries from the REPL) run while a run's loop writes.
/// Every committed trial survives the process being killed.
public final class SQLiteStore: ExperimentStore {
    /// The database file.
    public let path: String
    /// The connection pool (WAL: one writer, concurrent readers).
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -32768")   // 32 MB: index pages of large runs stay cached
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try StoreSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.database("cannot open \(path): \(error.message ?? error.description)")
        }
    }

    /// Opens the store of a workspace: `<directory>/.naslab/store.sqlite`.
    public static func workspace(_ directory: String) throws -> SQLiteStore {
        try SQLiteStore(path: (directory as NSString).appendingPathComponent(".naslab/store.sqlite"))
    }

    /// Runs a write transaction, turning database errors into store errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let error as DatabaseError {
            throw StoreError.database(error.message ?? error.description)
        }
    }

    /// Runs a read, turning database errors into store errors.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as DatabaseError {
            throw StoreError.database(error.message ?? error.description)
        }
    }

    // MARK: Descriptions

    @discardableResult
    public func registerDataset(name: String, description: String) throws -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO datasets(name, description, created_at) VALUES (?, ?, ?)",
                           arguments: [name, description, Date().timeIntervalSince1970])
            return try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE description = ?", arguments: [description])!
        }
    }

    @discardableResult
    public func registerEvaluator(descriptor: String) throws -> Int64 {
        try write { db in try Self.evaluatorID(descriptor, db) }
    }

    /// The id of an evaluator descriptor, recording it when new.
    static func evaluatorID(_ descriptor: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO evaluators(descriptor, created_at) VALUES (?, ?)",
                       arguments: [descriptor, Date().timeIntervalSince1970])
        return try Int64.fetchOne(db, sql: "SELECT id FROM evaluators WHERE descriptor = ?", arguments: [descriptor])!
    }
}
