/// Why the test server could not be started.
struct PostgresTestServerError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// Creates the error.
    init(_ description: String) { self.description = description }
}
