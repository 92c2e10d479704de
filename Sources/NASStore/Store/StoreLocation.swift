import Foundation

/// Where a session keeps its store: an SQLite file, or a PostgreSQL database.
///
/// Parsed from what a user types after `--store`, in `NASLAB_STORE` or in `store(...)`:
/// `postgres://user[:password]@host[:port]/db[?sslmode=…]` (or `postgresql://`), `sqlite:path`
/// or a plain path. The description never shows a password.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresSettings)

    /// Parses a store location, or throws an error that says what forms are understood.
    public static func parse(_ text: String) throws -> StoreLocation {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreLocationError("the store location is empty") }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return .postgres(try PostgresSettings(url: trimmed))
        }
        if lower.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw StoreLocationError("sqlite: needs a file path, as in sqlite:results/store.sqlite") }
            return .sqlite(path: path)
        }
        if let scheme = trimmed.range(of: "://") {
            let name = trimmed[..<scheme.lowerBound]
            throw StoreLocationError("unknown store kind '\(name)'; use postgres://user@host/db, sqlite:path or a file path")
        }
        return .sqlite(path: trimmed)
    }

    /// The location as it may be shown: a PostgreSQL password is replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let settings): return settings.description
        }
    }

    /// Opens (creating and migrating when needed) the store at this location.
    public func open() throws -> any ExperimentStore {
        switch self {
        case .sqlite(let path): return try SQLiteStore(path: path)
        case .postgres(let settings): return try PostgresStore(settings: settings)
        }
    }
}
