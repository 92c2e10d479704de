import Foundation

/// How to reach a PostgreSQL database: the parts of a `postgres://` URL, kept apart so that the
/// password travels to libpq on its own and never inside a text that could be printed.
///
/// Without a password in the URL, libpq itself falls back to `PGPASSWORD` and then to the
/// password file (`PGPASSFILE`, default `~/.pgpass`).
public struct PostgresSettings: Sendable, Hashable, CustomStringConvertible {
    /// The role to log in as (libpq's default, the OS user, when nil).
    public var user: String?
    /// The password from the URL, if it had one.
    public var password: String?
    /// The host name, address or socket directory (libpq's default when nil).
    public var host: String?
    /// The port (5432 when nil).
    public var port: Int?
    /// The database (the user's name when nil).
    public var database: String?
    /// Further libpq settings from the URL's query (`sslmode`, `connect_timeout`, …).
    public var options: [String: String]

    /// The query settings a URL may carry (libpq keywords).
    public static let allowedOptions: Set<String> = [
        "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name", "host", "port",
        "target_session_attrs", "options",
    ]

    /// The seconds a connection attempt may take unless the URL says otherwise.
    public static let defaultConnectTimeout = 5

    /// Settings from a `postgres://` or `postgresql://` URL.
    public init(url text: String) throws {
        guard let components = URLComponents(string: text) else {
            throw StoreLocationError("cannot read the PostgreSQL URL \(Self.redacted(text)); the form is postgres://user[:password]@host[:port]/database")
        }
        user = components.user.flatMap { $0.isEmpty ? nil : $0 }
        password = components.password
        host = components.host.flatMap { $0.isEmpty ? nil : $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
        port = components.port
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : (path.removingPercentEncoding ?? path)
        options = [:]
        for item in components.queryItems ?? [] {
            guard Self.allowedOptions.contains(item.name) else {
                throw StoreLocationError("unknown PostgreSQL URL setting '\(item.name)'; known: \(Self.allowedOptions.sorted().joined(separator: ", "))")
            }
            options[item.name] = item.value ?? ""
        }
        if let value = options.removeValue(forKey: "host") { host = value }
        if let value = options.removeValue(forKey: "port") {
            guard let number = Int(value) else { throw StoreLocationError("the PostgreSQL port '\(value)' is not a number") }
            port = number
        }
    }

    /// The libpq keywords and values to connect with (the password only when the URL gave one).
    var connectionParameters: [(keyword: String, value: String)] {
        var parameters: [(String, String)] = []
        if let host { parameters.append(("host", host)) }
        if let port { parameters.append(("port", String(port))) }
        if let user { parameters.append(("user", user)) }
        if let password { parameters.append(("password", password)) }
        if let database { parameters.append(("dbname", database)) }
        if options["connect_timeout"] == nil { parameters.append(("connect_timeout", String(Self.defaultConnectTimeout))) }
        if options["application_name"] == nil { parameters.append(("application_name", "naslab")) }
        for key in options.keys.sorted() { parameters.append((key, options[key]!)) }
        return parameters
    }

    /// `postgres://user:***@host:port/db?sslmode=…`: the URL without its password.
    public var description: String {
        var text = "postgres://"
        if let user { text += Self.encoded(user) + (password == nil ? "" : ":***") + "@" }
        if let host, !host.hasPrefix("/") { text += host.contains(":") ? "[\(host)]" : host }
        if let port { text += ":\(port)" }
        text += "/" + (database.map(Self.encoded) ?? "")
        var query = options.keys.sorted().map { "\($0)=\(options[$0]!)" }
        if let host, host.hasPrefix("/") { query.insert("host=\(host)", at: 0) }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }

    /// A text with every `scheme://user:password@` password replaced by `***`.
    public static func redacted(_ text: String) -> String {
        guard let pattern = try? NSRegularExpression(pattern: #"([A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)[^\s@/]*@"#) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "$1***@")
    }

    /// A user or database name as it appears in a URL.
    private static func encoded(_ part: String) -> String {
        part.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/"))) ?? part
    }
}
