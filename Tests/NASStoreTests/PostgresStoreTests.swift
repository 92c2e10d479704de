import Foundation
import NASCore
import NASSpaces
import NASStore
import Testing

extension PostgresSuites {
    /// What only the PostgreSQL store does: the same tables as SQLite for the same data,
    /// migrations recorded once, reconnecting after a restart, and credentials kept out of sight.
    @Suite("PostgreSQL store") struct PostgresStoreTests {
        /// Two stores holding the same runs, trials and latency tables.
        static func twinStores() throws -> (sqlite: any ExperimentStore, postgres: any ExperimentStore)? {
            guard let (postgres, _) = try StoreKind.postgres.freshStore(), let (sqlite, _) = try StoreKind.sqlite.freshStore() else {
                return nil
            }
            for store in [sqlite, postgres] {
                for seed in [7, 8] as [UInt64] {
                    let id = try store.createRun(StoreFixture.run(seed: seed, metric: seed == 7 ? "accuracy" : "latency",
                                                                  maximise: seed == 7))
                    var trials = StoreFixture.trials(run: id, count: 40, seed: seed)
                    // Architectures whose order differs between bytewise and dictionary collation.
                    for (index, name) in ["b", "B", "_a", "a-1", "a1", "Z"].enumerated() { trials[index].architecture = name }
                    trials[3].cached = true
                    try store.insertFinishedTrials(trials)
                }
                let info = LatencyTableInfo(name: "cpu", device: "test", batch: 1, threads: 2, engineVersion: "1",
                                            date: Date(timeIntervalSince1970: 1_800_000_000))
                try store.saveLatencyTable(info, rows: [LatencyTableEntry(key: "conv3x3", seconds: 0.004, cv: 0.02),
                                                        LatencyTableEntry(key: "skip", seconds: 0.0001, cv: nil),
                                                        LatencyTableEntry(key: "Conv1x1", seconds: 0.002, cv: 0.5)])
            }
            return (sqlite, postgres)
        }

        /// The queries compared between the stores, each named for the failure message.
        static let queries: [(name: String, read: @Sendable (any ExperimentStore) throws -> Table)] = [
            ("every trial", { try $0.trialsTable(run: nil, query: .all) }),
            ("top-k with and", { try $0.trialsTable(run: 1, query: TableQuery(
                filter: .and(.compare("accuracy", .greater, .number(.scalar(0.3))), .compare("latency", .less, .number(.seconds(0.008)))),
                sort: [TableSort("accuracy", descending: true)], limit: 5)) }),
            ("or, not, text and missing values", { try $0.trialsTable(run: nil, query: TableQuery(
                filter: .or(.compare("status", .equal, .string("failed")), .not(.compare("energy", .less, .number(.scalar(5))))),
                sort: [TableSort("energy")], columns: ["run", "trial", "energy", "params", "status"])) }),
            ("text sort is bytewise", { try $0.trialsTable(run: 2, query: TableQuery(sort: [TableSort("arch")], limit: 8,
                                                                                     columns: ["arch", "trial"])) }),
            ("integer column against a fraction", { try $0.trialsTable(run: 1, query: TableQuery(
                filter: .compare("trial", .greater, .number(.scalar(37.5))), columns: ["trial", "cached", "curve_epochs"])) }),
            ("flags and curve lengths", { try $0.trialsTable(run: nil, query: TableQuery(
                filter: .and(.compare("cached", .equal, .bool(true)), .compare("curve_epochs", .equal, .number(.scalar(2)))))) }),
            ("runs", { try $0.runsTable(query: TableQuery(columns: ["run", "strategy", "space", "evaluator", "objective", "budget",
                                                                   "seed", "status", "trials", "best", "error"])) }),
            ("runs by best", { try $0.runsTable(query: TableQuery(sort: [TableSort("best", descending: true)], columns: ["run", "best"])) }),
            ("best by objective", { try $0.best(run: 2, by: nil, maximise: nil) }),
            ("best by a metric", { try $0.best(run: 1, by: "energy", maximise: nil) }),
            ("latency tables", { try $0.latencyTables() }),
            ("latency entries", { try $0.latencyTable("cpu", query: TableQuery(filter: .compare("latency", .less, .number(.seconds(0.003))),
                                                                              sort: [TableSort("key")])) }),
            ("sql group by", { try $0.sql("SELECT strategy, r.seed, COUNT(*) AS n, MAX(accuracy) AS accuracy, MIN(latency) AS latency FROM runs r JOIN trials t ON t.run_id = r.id GROUP BY strategy, r.seed ORDER BY r.seed") }),
            ("sql json", { try $0.sql("""
                SELECT run_id, seq, json_extract(metrics, '$.energy') AS energy, json_array_length(curve) AS n,
                       IFNULL(latency, -1) AS latency
                FROM trials WHERE json_extract(metrics, '$."energy"') > 5 ORDER BY run_id, seq
                """) }),
            ("sql with", { try $0.sql("WITH d AS (SELECT run_id, MAX(score) AS top FROM trials GROUP BY run_id) SELECT run_id, top FROM d ORDER BY run_id;") }),
        ]

        @Test("every query gives the same table from PostgreSQL as from SQLite", arguments: queries.indices)
        func sameTables(index: Int) throws {
            guard let stores = try Self.twinStores() else { return }
            let query = Self.queries[index]
            let expected = try query.read(stores.sqlite), got = try query.read(stores.postgres)
            #expect(got.columns == expected.columns, "\(query.name)")
            #expect(got.rows.count == expected.rows.count, "\(query.name)")
            for (row, (a, b)) in zip(got.rows, expected.rows).enumerated() {
                #expect(a == b, "\(query.name), row \(row): postgres \(a) / sqlite \(b)")
            }
            #expect(!expected.rows.isEmpty || query.name.hasPrefix("best"), "\(query.name) should have rows")
        }

        @Test("the schema's migrations are recorded once, and reopening applies none again")
        func migrations() throws {
            guard let server = try PostgresTestServer.available() else { return }
            let url = try server.database()
            _ = try StoreLocation.parse(url).open()
            _ = try StoreLocation.parse(url).open()
            let database = String(url.split(separator: "/").last!)
            let applied = try server.psql("SELECT identifier FROM naslab_migrations ORDER BY applied_at, identifier", database: database)
            #expect(applied.split(separator: "\n") == ["pg-sqlite-functions", "v1-runs-trials-latency", "v2-run-owner",
                                                       "v3-run-trial-settings", "v4-measured-latency-tables", "v5-trial-queue"])
            // The columns SQLite has (read by psql from the catalogue), with PostgreSQL's types.
            let columns = try server.psql("""
                SELECT column_name || ' ' || data_type FROM information_schema.columns
                WHERE table_name = 'runs' AND column_name IN ('id', 'maximise', 'budget_amount', 'checkpoint', 'owner', 'trial_settings')
                ORDER BY column_name
                """, database: database)
            #expect(columns.split(separator: "\n") == ["budget_amount double precision", "checkpoint bytea", "id bigint",
                                                       "maximise bigint", "owner text", "trial_settings text"])
        }

        @Test("a server restart between two writes loses nothing and records nothing twice")
        func restart() throws {
            guard let server = try PostgresTestServer.available() else { return }
            let url = try server.database()
            let store = try StoreLocation.parse(url).open()
            let id = try store.createRun(StoreFixture.run())
            let trials = StoreFixture.trials(run: id, count: 4, seed: 11)
            try store.insertFinishedTrials([trials[0]])
            _ = try store.startTrial(trials[1])
            try server.restart()
            try store.finishTrial(trials[1], checkpoint: RunCheckpoint(strategyState: Data([1]), lastSequence: 2, spentWallSeconds: 1))
            try server.restart()
            try store.insertFinishedTrials(Array(trials[2...]))
            let database = String(url.split(separator: "/").last!)
            #expect(try server.psql("SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) FROM trials", database: database) == "4|4|4")
            #expect(try server.psql("SELECT checkpoint_seq FROM runs", database: database) == "2")
            #expect(try store.trials(run: id).map(\.sequence) == [1, 2, 3, 4])
        }

        @Test("restarts while a writer records trials without pause lose no trial and record none twice")
        func restartUnderLoad() throws {
            guard let server = try PostgresTestServer.available() else { return }
            let url = try server.database()
            let store = try StoreLocation.parse(url).open()
            let id = try store.createRun(StoreFixture.run())
            let template = StoreFixture.trials(run: id, count: 1, seed: 4)[0]
            let stop = LockedValue(false), written = LockedValue(0), failure = LockedValue<String?>(nil)
            let writer = Thread {
                var sequence = 0
                while !stop.withLock({ $0 }) {
                    sequence += 1
                    var trial = template
                    trial.sequence = sequence
                    trial.status = .running
                    do {
                        _ = try store.startTrial(trial)
                        trial.status = .done
                        try store.finishTrial(trial, checkpoint: RunCheckpoint(strategyState: Data([UInt8(sequence % 256)]),
                                                                               lastSequence: sequence, spentWallSeconds: 0))
                        written.withLock { $0 = sequence }
                    } catch {
                        failure.withLock { $0 = "trial \(sequence): \(error)" }
                        return
                    }
                }
            }
            writer.start()
            Thread.sleep(forTimeInterval: 0.3)
            try server.restart()
            Thread.sleep(forTimeInterval: 0.3)
            try server.restart()
            Thread.sleep(forTimeInterval: 0.3)
            stop.withLock { $0 = true }
            while !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
            #expect(failure.withLock { $0 } == nil)
            let n = written.withLock { $0 }
            #expect(n > 10)
            let database = String(url.split(separator: "/").last!)
            #expect(try server.psql("SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq), COUNT(*) FILTER (WHERE status = 'done') FROM trials",
                                    database: database) == "\(n)|\(n)|1|\(n)|\(n)")
            #expect(try server.psql("SELECT checkpoint_seq FROM runs", database: database) == "\(n)")
        }

        @Test("a COMMIT whose answer is lost is looked up by its transaction id, so the run is recorded exactly once",
              arguments: [CommitDroppingProxy.Cut.afterForwarding, .beforeForwarding])
        func lostCommit(cut: CommitDroppingProxy.Cut) throws {
            guard let server = try PostgresTestServer.available() else { return }
            let url = try server.database()
            let proxy = try CommitDroppingProxy(to: server.port)
            defer { proxy.close() }
            let store = try StoreLocation.parse(url.replacingOccurrences(of: ":\(server.port)/", with: ":\(proxy.port)/")).open()
            proxy.armed.withLock { $0 = cut }
            let id = try store.createRun(StoreFixture.run())
            #expect(proxy.cuts.withLock { $0 } == 1)
            let database = String(url.split(separator: "/").last!)
            #expect(try server.psql("SELECT COUNT(*), MAX(id) FROM runs", database: database) == "1|\(id)")
            #expect(try store.allRuns().map(\.id) == [id])   // and the store carries on
        }

        @Test("a password from the URL, PGPASSWORD or a password file logs in; a wrong one is refused without being shown")
        func credentials() throws {
            guard let server = try PostgresTestServer.available() else { return }
            let (user, password) = PostgresTestServer.passwordRole
            let plain = try server.database(owner: user)   // postgres://naslab_pw@127.0.0.1:port/db
            let withPassword = plain.replacingOccurrences(of: "\(user)@", with: "\(user):\(password)@")
            unsetenv("PGPASSWORD")
            let passfile = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID())").path
            setenv("PGPASSFILE", passfile, 1)   // an absent file: nothing to fall back on
            defer { unsetenv("PGPASSFILE"); unsetenv("PGPASSWORD"); try? FileManager.default.removeItem(atPath: passfile) }

            let location = try StoreLocation.parse(withPassword)
            #expect(!location.description.contains(password) && location.description.contains(":***@"))
            _ = try location.open().createRun(StoreFixture.run())

            #expect(throws: StoreError.self) { try StoreLocation.parse(plain).open() }

            setenv("PGPASSWORD", password, 1)
            #expect(try StoreLocation.parse(plain).open().allRuns().count == 1)
            unsetenv("PGPASSWORD")

            try "127.0.0.1:\(server.port):*:\(user):\(password)\n".write(toFile: passfile, atomically: true, encoding: .utf8)
            chmod(passfile, 0o600)
            #expect(try StoreLocation.parse(plain).open().allRuns().count == 1)

            let wrong = "Wr0ng-Pa55-\(UUID().uuidString.prefix(6))"
            let refused = plain.replacingOccurrences(of: "\(user)@", with: "\(user):\(wrong)@")
            do {
                _ = try StoreLocation.parse(refused).open()
                Issue.record("a wrong password was accepted")
            } catch {
                let text = "\(error)"
                #expect(!text.contains(wrong), "\(text)")
                #expect(text.contains("password authentication failed"), "\(text)")
                #expect(text.contains("postgres://\(user):***@127.0.0.1:\(server.port)/"), "\(text)")
                #expect(!text.contains("\n"))
            }
        }

        @Test("an unreachable server is one clear error within the connect timeout")
        func unreachable() throws {
            guard try PostgresTestServer.available() != nil else { return }
            let port = try PostgresTestServer.freePort()
            let started = Date()
            do {
                _ = try StoreLocation.parse("postgres://someone:Secret-77@127.0.0.1:\(port)/nothing").open()
                Issue.record("a store opened on a port nothing listens on")
            } catch {
                let text = "\(error)"
                #expect(text.contains("cannot connect to postgres://someone:***@127.0.0.1:\(port)/nothing"), "\(text)")
                #expect(!text.contains("Secret-77") && !text.contains("\n"), "\(text)")
            }
            #expect(Date().timeIntervalSince(started) < Double(PostgresSettings.defaultConnectTimeout) + 1)
        }
    }
}
