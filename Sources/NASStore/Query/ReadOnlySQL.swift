import Foundation
import GRDB

/// The checks that keep `sql(...)` to one statement that reads.
///
/// Three independent guards: the text must be one statement that starts with SELECT or WITH;
/// SQLite must report the prepared statement read-only; and the connection itself is opened
/// read-only with `query_only` on.
enum ReadOnlySQL {
    /// The statement text without trailing semicolons, or an error saying why it is refused.
    static func validate(_ text: String) throws -> String {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while trimmed.hasSuffix(";") { trimmed = String(trimmed.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard !trimmed.isEmpty else { throw StoreError.notReadOnly("the query is empty") }
        let firstWord = trimmed.prefix { $0.isLetter }.uppercased()
        guard firstWord == "SELECT" || firstWord == "WITH" else {
            throw StoreError.notReadOnly("it starts with '\(firstWord.isEmpty ? String(trimmed.prefix(10)) : firstWord)', not SELECT or WITH")
        }
        return trimmed
    }

    /// Prepares the single statement, refusing several statements or one that writes.
    static func prepare(_ text: String, _ db: Database) throws -> Statement {
        let cursor = try db.allStatements(sql: text)
        guard let statement = try cursor.next() else { throw StoreError.notReadOnly("the query is empty") }
        guard try cursor.next() == nil else { throw StoreError.notReadOnly("it holds more than one statement") }
        guard statement.isReadonly else { throw StoreError.notReadOnly("the statement would change the store") }
        return statement
    }
}
