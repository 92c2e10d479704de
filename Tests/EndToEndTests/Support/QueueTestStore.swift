import Foundation
import Testing

/// Where a queue end-to-end test keeps its run: the workspace's SQLite file in the test's folder, or a
/// database of its own on the suite's throw-away PostgreSQL server. Either way the test reads the store
/// independently of naslab (Python's sqlite3, or psql).
struct QueueTestStore {
    /// The two kinds of store.
    enum Kind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// The most trials a worker thread claims at once (the default of `QueueWorker.Options.claimLimit`).
    static let claimLimit = 16

    /// The store's location as `--store` takes it.
    let location: String
    /// The PostgreSQL server, for a PostgreSQL store.
    let server: ThrowawayPostgres?
    /// The test's folder (the driver's and workers' working folder).
    let folder: TemporaryFolder

    /// A store of `kind` for a test in `folder`; nil (skipped) when PostgreSQL is not here and not required.
    static func make(_ kind: Kind, in folder: TemporaryFolder) throws -> QueueTestStore? {
        switch kind {
        case .sqlite:
            return QueueTestStore(location: ".naslab/store.sqlite", server: nil, folder: folder)
        case .postgres:
            guard let server = try ThrowawayPostgres.available() else { return nil }
            return QueueTestStore(location: try server.database(), server: server, folder: folder)
        }
    }

    /// The arguments that put a driver script on this store (none for the workspace's own SQLite file).
    func driver(_ arguments: [String]) -> [String] {
        server == nil ? arguments : ["--store", location] + arguments
    }

    /// The arguments of a worker on this store.
    func worker(_ extra: [String]) -> [String] {
        ["worker", "--store", location] + extra
    }

    /// One number from the store (0 while the store or its tables do not exist yet).
    func count(_ query: String) throws -> Int {
        Int((try? rows(query).first) ?? "") ?? 0
    }

    /// The rows of a query, each as its values joined by `|` (booleans as 0 and 1: write them as CASE expressions).
    func rows(_ query: String) throws -> [String] {
        if let server { return try server.psql(location, query) }
        let output = try ExternalTools.python("""
            import sqlite3, sys
            db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
            for row in db.execute(sys.argv[2]).fetchall(): print('|'.join(str(v) for v in row))
            """, [folder.url.appendingPathComponent(location).path, query])
        guard output.status == 0 else { throw POSIXError(.EIO) }
        return output.output.split(separator: "\n").map(String.init)
    }
}
