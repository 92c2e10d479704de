import Foundation
import NASStore
import Testing

/// A throw-away PostgreSQL 15 cluster for the tests: started once per test process on first
/// use, on a free port of 127.0.0.1, stopped and removed when the process exits.
///
/// As root, `initdb` and the server run as the `postgres` user (initdb refuses root). The
/// cluster trusts local connections, except the role `naslab_pw`, which must give its
/// password (scram-sha-256). Each test gets its own database from `database()`.
final class PostgresTestServer: Sendable {
    /// The PostgreSQL binaries.
    static let binaries = "/usr/lib/postgresql/15/bin"
    /// The role that logs in with a password, and its password.
    static let passwordRole = (user: "naslab_pw", password: "s3cret-Pa55-word")

    /// The cluster's folder (data, socket, log).
    let directory: String
    /// The port it listens on.
    let port: Int

    /// The server, or nil (with the reason printed) when PostgreSQL is not installed; with
    /// `NASLAB_REQUIRE_EXTERNAL=1` a missing server is a failure instead.
    static func available() throws -> PostgresTestServer? {
        switch shared {
        case .success(let server): return server
        case .failure(let error):
            if ProcessInfo.processInfo.environment["NASLAB_REQUIRE_EXTERNAL"] == "1" { throw error }
            print("skipped: no PostgreSQL server for the tests (\(error))")
            return nil
        }
    }

    /// The one server of this test process.
    private static let shared: Result<PostgresTestServer, PostgresTestServerError> = {
        do { return .success(try PostgresTestServer()) } catch let error as PostgresTestServerError {
            return .failure(error)
        } catch {
            return .failure(PostgresTestServerError("\(error)"))
        }
    }()

    /// Creates, configures and starts the cluster.
    private init() throws {
        guard FileManager.default.isExecutableFile(atPath: "\(Self.binaries)/initdb") else {
            throw PostgresTestServerError("\(Self.binaries)/initdb is missing (apt-get install postgresql)")
        }
        directory = "/tmp/naslab-pg-\(UUID().uuidString.prefix(8))"
        port = try Self.freePort()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try Self.shell("chown postgres:postgres \(directory)") }
        try asServerUser("\(Self.binaries)/initdb -D \(directory)/data -A trust -U postgres --no-sync -E UTF8")
        let hba = """
            local all all trust
            host all \(Self.passwordRole.user) 127.0.0.1/32 scram-sha-256
            host all all 127.0.0.1/32 trust

            """
        try asServerUser("cat > \(directory)/data/pg_hba.conf <<'HBA'\n\(hba)HBA")
        try start()
        PostgresTestServer.registerCleanup(self)
        try psql("CREATE ROLE \(Self.passwordRole.user) LOGIN PASSWORD '\(Self.passwordRole.password)'")
    }

    /// Starts the server and waits until it accepts connections.
    func start() throws {
        let options = "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        // The server's output goes to files: it must not inherit the pipe this process reads to its end.
        try asServerUser("\(Self.binaries)/pg_ctl -D \(directory)/data -l \(directory)/log -o '\(options)' -w start "
                         + ">\(directory)/pg_ctl.out 2>&1 || { cat \(directory)/pg_ctl.out \(directory)/log; exit 1; }")
    }

    /// Restarts the server (fast shutdown: open connections are cut), waiting until it is back.
    func restart() throws {
        try asServerUser("\(Self.binaries)/pg_ctl -D \(directory)/data -l \(directory)/log -m fast -w restart "
                         + ">\(directory)/pg_ctl.out 2>&1 || { cat \(directory)/pg_ctl.out; exit 1; }")
    }

    /// Stops the server and removes its folder.
    func stop() {
        _ = try? asServerUser("\(Self.binaries)/pg_ctl -D \(directory)/data -m immediate -w stop")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A new empty database owned by `owner`, and its URL for that role (trusted: no password).
    func database(owner: String = "postgres") throws -> String {
        let name = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try psql("CREATE DATABASE \(name) OWNER \(owner)")
        return "postgres://\(owner)@127.0.0.1:\(port)/\(name)"
    }

    /// Runs SQL as the superuser through psql (independent of the store's own client); returns its output.
    @discardableResult
    func psql(_ sql: String, database: String = "postgres") throws -> String {
        try Self.shell("\(Self.binaries)/psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p \(port) -U postgres -d \(database) "
                       + "-c \(Self.quoted(sql))")
    }

    /// Runs a shell command as the server's user (root runs it through runuser), with every
    /// file descriptor past stderr closed first: Foundation's `Process` sees its child end only
    /// when a socket it hands the child is closed, so a server started by the command must not
    /// inherit it.
    @discardableResult
    private func asServerUser(_ command: String) throws -> String {
        let closing = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; "#
        if getuid() == 0 { return try Self.shell("runuser -u postgres -- bash -c \(Self.quoted(closing + command))") }
        return try Self.shell(closing + command)
    }

    /// Runs `bash -c command`; throws with its output unless it exits 0.
    @discardableResult
    static func shell(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostgresTestServerError("`\(command)` exited \(process.terminationStatus): \(output)")
        }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A text as one single-quoted shell word.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A TCP port of 127.0.0.1 that nothing listens on (the kernel picks it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw PostgresTestServerError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops the server when the test process exits.
    private static func registerCleanup(_ server: PostgresTestServer) {
        cleanupDirectory.withLock { $0 = server.directory }
        atexit {
            guard let directory = PostgresTestServer.cleanupDirectory.withLock({ $0 }) else { return }
            let stop = "\(PostgresTestServer.binaries)/pg_ctl -D \(directory)/data -m immediate -w stop"
            let command = getuid() == 0 ? "runuser -u postgres -- bash -c \(PostgresTestServer.quoted(stop))" : stop   // stopping starts nothing
            _ = try? PostgresTestServer.shell(command + " >/dev/null 2>&1; rm -rf \(directory)")
        }
    }

    /// The folder of the server to stop at exit.
    private static let cleanupDirectory = LockedValue<String?>(nil)
}
