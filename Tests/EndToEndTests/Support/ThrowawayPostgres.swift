import Foundation
import Synchronization

/// The end-to-end tests' PostgreSQL server: one throw-away server (`scripts/pg-throwaway`) for the whole test
/// process, started on first use, stopped and removed when the process exits. Each test takes a database of
/// its own (`database()`); psql reads it independently of naslab.
final class ThrowawayPostgres: Sendable {
    /// The server's folder (data, socket, log).
    let directory: String
    /// Its URL (the `postgres` database).
    let url: String

    /// The server, or nil when PostgreSQL is not installed (a failure instead with `NASLAB_REQUIRE_EXTERNAL=1`).
    static func available() throws -> ThrowawayPostgres? {
        switch shared {
        case .success(let server): return server
        case .failure(let error):
            if ExternalTools.isRequired { throw error }
            print("skipped: no PostgreSQL server for the tests (\(error))")
            return nil
        }
    }

    /// The one server of this test process.
    private static let shared: Result<ThrowawayPostgres, ScriptError> = {
        do { return .success(try ThrowawayPostgres()) } catch let error as ScriptError { return .failure(error) } catch {
            return .failure(ScriptError(output: "\(error)"))
        }
    }()

    /// Starts the server and arranges for it to be stopped at exit.
    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-e2e-pg-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o755)   // the postgres user runs the server from a folder inside it
        url = try Self.script(["start", directory + "/pg"]).trimmingCharacters(in: .whitespacesAndNewlines)
        Self.stopAtExit.withLock { $0 = directory }
        atexit {
            guard let directory = ThrowawayPostgres.stopAtExit.withLock({ $0 }) else { return }
            _ = try? ThrowawayPostgres.script(["stop", directory + "/pg"])
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// A new empty database, and its URL.
    func database() throws -> String {
        let name = "e2e_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        _ = try psql(url, "CREATE DATABASE \(name)")
        return url.replacingOccurrences(of: "/postgres", with: "/\(name)", options: [.anchored, .backwards])
    }

    /// Restarts the server (`pg_ctl -m fast restart`: every connection is cut), waiting until it is back.
    func restart() throws {
        _ = try Self.script(["restart", directory + "/pg"])
    }

    /// The rows of one statement, each as its values joined by `|`; throws when psql fails.
    func psql(_ database: String, _ sql: String) throws -> [String] {
        let result = try ExternalTools.run("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", database, "-c", sql], timeout: 30)
        guard result.status == 0 else { throw ScriptError(output: result.output) }
        return result.output.split(separator: "\n").map(String.init)
    }

    /// Runs `scripts/pg-throwaway` with these arguments; its output, or a throw when it fails.
    private static func script(_ arguments: [String]) throws -> String {
        let path = NaslabBinary.packageRoot.appendingPathComponent("scripts/pg-throwaway").path
        let result = try ExternalTools.run(path, arguments, timeout: 120)
        guard result.status == 0 else { throw ScriptError(output: result.output) }
        return result.output
    }

    /// The folder of the server to stop at exit.
    private static let stopAtExit = Mutex<String?>(nil)

    /// A script or psql that failed, with what it said.
    struct ScriptError: Error, CustomStringConvertible {
        let output: String
        var description: String { "PostgreSQL: \(output)" }
    }
}
