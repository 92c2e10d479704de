import Foundation
import NASStore
import Testing

extension PostgresSuites {
    /// `naslab --store postgres://…` through the real binary (`$NASLAB_BIN`): a search launched
    /// by one invocation is read by the next, the same as from the workspace's SQLite store,
    /// and a store that cannot be opened is one line on stderr, without the password.
    ///
    /// It lives with the store tests because it needs their throw-away server.
    @Suite("naslab --store postgres") struct PostgresCLITests {
        static let launch = """
            space = nb201()
            ev = nb201(dataset: "cifar10")
            r = launch(evolution(population: 10, sample: 3), on: space, using: ev, budget: 30, seed: 2)
            wait(r)

            """
        static let read = """
            print(runs() | select run, strategy, space, evaluator, objective, budget, seed, status, trials, best)
            print(sql("select seq, architecture, json_extract(metrics, '$.accuracy') as accuracy from trials order by seq"))
            print(store())

            """

        @Test("a search launched against PostgreSQL reads back like one against SQLite, from a second invocation")
        func sameAsSQLite() throws {
            guard let server = try PostgresTestServer.available() else { return }
            let url = try server.database()
            let folder = try Self.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try Self.launch.write(to: folder.appendingPathComponent("launch.nas"), atomically: true, encoding: .utf8)
            try Self.read.write(to: folder.appendingPathComponent("read.nas"), atomically: true, encoding: .utf8)

            let launched = try Self.naslab(["--store", url, "launch.nas"], in: folder)
            #expect(launched.status == 0, "\(launched.stderr)")
            let database = String(url.split(separator: "/").last!)
            #expect(try server.psql("SELECT COUNT(*) FROM trials WHERE status = 'done'", database: database) == "30")
            let postgres = try Self.naslab(["read.nas"], in: folder, environment: ["NASLAB_STORE": url])
            #expect(postgres.status == 0, "\(postgres.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".naslab/store.sqlite").path))

            #expect(try Self.naslab(["launch.nas"], in: folder).status == 0)
            let sqlite = try Self.naslab(["read.nas"], in: folder)
            #expect(sqlite.status == 0, "\(sqlite.stderr)")
            let pgLines = postgres.stdout.split(separator: "\n"), sqliteLines = sqlite.stdout.split(separator: "\n")
            #expect(pgLines.dropLast() == sqliteLines.dropLast())   // all but the store's own line
            #expect(pgLines.count > 10 && postgres.stdout.contains("evolution") && postgres.stdout.contains("done"), "\(postgres.stdout)")
            #expect(pgLines.last.map(String.init) == url)
            #expect(sqliteLines.last?.hasSuffix(".naslab/store.sqlite") == true)
        }

        @Test("a wrong password or an unreachable server is one line on stderr, exit 70, without the password")
        func refused() throws {
            guard let server = try PostgresTestServer.available() else { return }
            let (user, _) = PostgresTestServer.passwordRole
            let url = try server.database(owner: user).replacingOccurrences(of: "\(user)@", with: "\(user):Wr0ng-Secret-9@")
            let folder = try Self.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try "print(1)\n".write(to: folder.appendingPathComponent("one.nas"), atomically: true, encoding: .utf8)
            let port = try PostgresTestServer.freePort()
            for target in [url, "postgres://\(user):Wr0ng-Secret-9@127.0.0.1:\(port)/none"] {
                let result = try Self.naslab(["--store", target, "one.nas"], in: folder,
                                             environment: ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"])
                #expect(result.status == 70, "\(result.stderr)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.hasPrefix("naslab: error: cannot open the store"), "\(result.stderr)")
                #expect(result.stderr.contains("postgres://\(user):***@127.0.0.1:"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                #expect(!result.stderr.contains("Wr0ng-Secret-9"), "\(result.stderr)")
            }
            let bad = try Self.naslab(["--store", "mysql://u:Wr0ng-Secret-9@h/db", "one.nas"], in: folder)
            #expect(bad.status == 64 && bad.stderr.contains("unknown store kind 'mysql'") && !bad.stderr.contains("Wr0ng"))
        }

        @Test("a store chosen in the script with a password keeps the password out of the output and of the recorded script")
        func passwordInScript() throws {
            guard let server = try PostgresTestServer.available() else { return }
            let (user, password) = PostgresTestServer.passwordRole
            let url = try server.database(owner: user).replacingOccurrences(of: "\(user)@", with: "\(user):\(password)@")
            let folder = try Self.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try """
                print(store("\(url)"))
                r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 3, seed: 1)
                wait(r)
                print(sql("select script from runs"))
                print(runs())
                store("sqlite:other.sqlite")

                """.write(to: folder.appendingPathComponent("chosen.nas"), atomically: true, encoding: .utf8)
            let result = try Self.naslab(["chosen.nas"], in: folder, environment: ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"])
            #expect(result.status == 65, "\(result.stderr)")   // the last line: a second store is refused
            #expect(result.stderr.contains("already uses the store postgres://\(user):***@"), "\(result.stderr)")
            #expect(result.stdout.contains("postgres://\(user):***@127.0.0.1:\(server.port)/"), "\(result.stdout)")
            #expect(!result.stdout.contains(password) && !result.stderr.contains(password))
            let database = String(url.split(separator: "/").last!)
            let scripts = try server.psql("SELECT script FROM runs", database: database)
            #expect(scripts.contains("store(\"postgres://\(user):***@127.0.0.1") && !scripts.contains(password), "\(scripts)")
        }

        /// A new temporary folder.
        static func folder() throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-pg-cli-\(UUID())")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }

        /// Runs the naslab binary in `directory` (HOME there too) and returns its exit status and output.
        static func naslab(_ arguments: [String], in directory: URL,
                           environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
            let binary = ProcessInfo.processInfo.environment["NASLAB_BIN"].flatMap { $0.isEmpty ? nil : $0 }
                ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent(".build/debug/naslab").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = directory.path
            environment.removeValue(forKey: "NASLAB_STORE")
            process.environment = environment.merging(extra) { $1 }
            let out = directory.appendingPathComponent("out-\(UUID())"), err = directory.appendingPathComponent("err-\(UUID())")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
        }
    }
}
