import Foundation
import NASCore
import NASStore

/// The store the session was pointed at could not be opened, or can no longer be changed.
///
/// Its words never hold a password: locations describe themselves redacted, and the stores
/// redact their own errors.
public struct StoreOpenError: SystemFailure, Sendable, Hashable {
    /// The message shown to the user.
    public let description: String

    /// The error for a store at `location` that did not open.
    init(location: StoreLocation, _ error: Error) {
        let reason = PostgresSettings.redacted("\(error)")
        // The PostgreSQL store's errors already name the server (redacted); others get the location.
        description = reason.contains(location.description) ? "cannot open the store: \(reason)"
            : "cannot open the store \(location): \(reason)"
    }

    /// The error for a store location that could not be read.
    init(unreadable error: Error) {
        description = "bad store location: \(PostgresSettings.redacted("\(error)"))"
    }

    /// The error for choosing another store after the session's store was opened.
    static func alreadyOpen(current: StoreLocation?, wanted: StoreLocation) -> StoreOpenError {
        let using = current.map { "the store \($0)" } ?? "its workspace's store"
        return StoreOpenError(description: "the session already uses \(using); "
                       + "choose \(wanted) before the first run or query (or with --store / NASLAB_STORE)")
    }

    private init(description: String) { self.description = description }
}
