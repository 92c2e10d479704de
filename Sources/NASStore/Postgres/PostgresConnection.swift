import CLibPQ
import Foundation
import GRDB

/// One libpq connection: parameterised statements with typed results, and scripts.
///
/// Not thread-safe: `PostgresStore` uses it under its lock. Values travel as GRDB's
/// `DatabaseValue`s, so the SQLite store's readers (records, cells) read PostgreSQL rows too.
/// Every error message has the password removed before it leaves this type.
final class PostgresConnection {
    /// How to reach the server.
    let settings: PostgresSettings
    /// The libpq handle.
    private let handle: OpaquePointer

    /// Connects, or throws the server's reason (without the password).
    init(settings: PostgresSettings) throws {
        self.settings = settings
        let parameters = settings.connectionParameters
        let keywords = parameters.map { strdup($0.keyword) } + [nil]
        let values = parameters.map { strdup($0.value) } + [nil]
        defer { (keywords + values).forEach { free($0) } }
        let connection = keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { keywordPointers in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointers in
                PQconnectdbParams(keywordPointers.baseAddress, valuePointers.baseAddress, 0)
            }
        }
        guard let connection else {
            throw PostgresFailure(message: "cannot connect to \(settings): out of memory", sqlState: nil, connectionLost: true)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = Self.redact(String(cString: PQerrorMessage(connection)), settings)
            PQfinish(connection)
            throw PostgresFailure(message: "cannot connect to \(settings): \(Self.oneLine(reason))", sqlState: nil,
                                  connectionLost: true)
        }
        handle = connection
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    /// Whether libpq still considers the connection usable.
    var isUsable: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs one statement with `?`-free `$n` parameters and returns its rows.
    @discardableResult
    func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> PostgresRows {
        let parameters = arguments.map(PostgresParameter.init)
        let types = parameters.map(\.type)
        let lengths = parameters.map { Int32($0.bytes?.count ?? 0) }
        let formats = parameters.map(\.format)
        let buffers: [UnsafeMutablePointer<CChar>?] = parameters.map { parameter in
            guard let bytes = parameter.bytes else { return nil }
            // Text parameters are read up to a NUL (their lengths are ignored); binary ones by length.
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { if let base = $0.baseAddress { buffer.update(from: base, count: bytes.count) } }
            }
            buffer[bytes.count] = 0
            return buffer
        }
        defer { buffers.forEach { $0?.deallocate() } }
        let values = buffers.map { UnsafePointer($0) }
        let result = PQexecParams(handle, sql, Int32(parameters.count), types, values, lengths, formats, 0)
        return try rows(of: result)
    }

    /// Waits up to `timeout` seconds for notifications (`LISTEN`) and returns the channels they came on (those
    /// already received first, without waiting); throws when the connection is lost.
    func notifications(timeout: Double) throws -> [String] {
        var channels = drainNotifications()
        if !channels.isEmpty { return channels }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        guard descriptor.fd >= 0 else { throw failure(nil) }
        if poll(&descriptor, 1, Int32(timeout * 1000)) > 0 {
            guard PQconsumeInput(handle) == 1 else { throw failure(nil) }
            channels = drainNotifications()
        }
        guard PQstatus(handle) == CONNECTION_OK else { throw failure(nil) }
        return channels
    }

    /// Takes the notifications libpq holds; returns their channels.
    private func drainNotifications() -> [String] {
        var channels: [String] = []
        while let notification = PQnotifies(handle) {
            channels.append(String(cString: notification.pointee.relname))
            PQfreemem(notification)
        }
        return channels
    }

    /// Runs statements without parameters (DDL scripts), several at once, in one round trip; returns the last one's rows.
    @discardableResult
    func executeScript(_ sql: String) throws -> PostgresRows {
        try rows(of: PQexec(handle, sql))
    }

    /// The rows of a finished command, or its error; frees the libpq result.
    private func rows(of result: OpaquePointer?) throws -> PostgresRows {
        defer { PQclear(result) }
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY else {
            throw failure(result)
        }
        return PostgresRows(result!)
    }

    /// The error of a failed command, redacted and classified.
    private func failure(_ result: OpaquePointer?) -> PostgresFailure {
        var sqlState: String?
        var text = String(cString: PQerrorMessage(handle))
        if let result {
            if let code = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) { sqlState = String(cString: code) }
            if let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))) { text = String(cString: primary) }
        }
        let lost = PQstatus(handle) != CONNECTION_OK || PostgresFailure.meansConnectionLost(sqlState)
        return PostgresFailure(message: Self.oneLine(Self.redact(text, settings)), sqlState: sqlState, connectionLost: lost)
    }

    /// A message with the password (and any URL password) taken out.
    static func redact(_ text: String, _ settings: PostgresSettings) -> String {
        var cleaned = PostgresSettings.redacted(text)
        if let password = settings.password, !password.isEmpty {
            cleaned = cleaned.replacingOccurrences(of: password, with: "***")
        }
        return cleaned
    }

    /// libpq's several lines joined into one.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

extension PostgresConnection {
    /// Runs a statement written with SQLite's `?` placeholders, binding Swift values.
    @discardableResult
    func query(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) throws -> PostgresRows {
        try execute(SQLDialect.postgres.placeholders(sql), values.map { $0?.databaseValue ?? .null })
    }
}
