/// An error from libpq or the server, with what the store needs to decide whether to retry.
struct PostgresFailure: Error, Sendable, CustomStringConvertible {
    /// The message, already redacted (no password can be in it).
    let message: String
    /// The SQLSTATE code, when the server sent one.
    let sqlState: String?
    /// Whether the connection is gone (server restarted, network dropped): work may be retried
    /// on a new connection.
    let connectionLost: Bool

    var description: String { message }

    /// Whether a code says the connection or the server went away (class 08, shutdowns).
    static func meansConnectionLost(_ sqlState: String?) -> Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }
}
