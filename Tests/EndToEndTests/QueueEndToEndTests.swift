import Foundation
import Testing

/// The trial queue through the real binary, on each store (`QueueTestStore`: the workspace's SQLite file, and a
/// database of a throw-away PostgreSQL server shared by the suite): a script launches a run with `workers: 0`
/// and three `naslab worker` processes evaluate its trials. Workers are killed with SIGKILL (a trial under way
/// is claimed again and completed exactly once), the driver is killed and resumed by a second script, the
/// PostgreSQL server is restarted mid-run, and the run's trials and best equal those of a single-process run
/// with the same seed. The store is read independently of naslab (Python's sqlite3, psql).
@Suite(.serialized) struct QueueEndToEndTests {
    /// The tabular search the NB201 tests run.
    static let tableSearch = """
        space = nb201()
        ev = nb201(dataset: "cifar10")
        s = evolution(population: 6, sample: 3)

        """
    /// What a run's script reports: its trials into trials.csv, and its best.
    static let report = """
        r.trials | sort trial | select trial, arch, accuracy | save("trials.csv");
        print(best(r).arch, best(r).accuracy / 1%)

        """

    /// A run on the NB201 table, its driver killed and resumed, one worker killed, the others stopped by SIGTERM.
    @Test(arguments: QueueTestStore.Kind.allCases)
    func threeWorkersOnTheNB201TableWithTheDriverKilledAndResumed(kind: QueueTestStore.Kind) throws {
        // Enough trials (a few seconds through the queue) that the driver is still working when killed.
        let budget = 600
        let folder = try TemporaryFolder()
        guard let store = try QueueTestStore.make(kind, in: folder) else { return }
        try folder.write("launch.nas", Self.tableSearch + "r = launch(s, on: space, using: ev, budget: \(budget), seed: 5, workers: 0, batch: 3)\nwait(r);\n")
        let driver = try start(store.driver(["launch.nas"]), in: folder, log: "driver.txt")
        try waitFor(timeout: 60) { try store.count("select count(*) from runs") == 1 }
        let workers = try (1...3).map { try start(store.worker(["--idle-exit", "60", "--lease", "2"]), in: folder, log: "worker\($0).txt") }
        // Killed while a batch is queued (trials after its checkpoint), so the resumed driver must take them up.
        let queuedAfterCheckpoint = "select count(*) from trials t join runs r on r.id = t.run_id where t.seq > r.checkpoint_seq"
        try waitFor(timeout: 120) { try store.count("select count(*) from trials where status = 'done'") >= 9 }
        try killWhileABatchIsQueued(driver, store: store, queued: queuedAfterCheckpoint)
        kill(workers[0].processIdentifier, SIGKILL)
        workers[0].waitUntilExit()
        let doneBefore = try store.count("select count(*) from trials where status = 'done'")
        #expect(doneBefore < budget, "the driver was killed before the run ended")
        #expect(try store.count(queuedAfterCheckpoint) > 0, "a batch was queued when the driver died")

        try folder.write("resume.nas", "r = run(1)\nprint(r.status)\nresume(r);\nwait(r);\nprint(r.status, len(r.trials))\n" + Self.report)
        let resumed = try NaslabBinary.run(store.driver(["resume.nas"]), in: folder.url, timeout: 180)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let lines = resumed.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == ["interrupted", "done \(budget)"], "\(resumed.stdout)")

        for worker in workers.dropFirst() { kill(worker.processIdentifier, SIGTERM) }
        for worker in workers.dropFirst() {
            try waitFor(timeout: 30) { !worker.isRunning }
            #expect(worker.terminationStatus == 0, "a worker stopped by SIGTERM exits 0")
        }
        try expectEveryTrialDoneOnce(budget: budget, in: store, workers: 3, allowingUnlogged: 1)
        let workerLog = try text("worker2.txt", in: folder)
        #expect(workerLog.contains(" claimed run 1 trial ") && workerLog.contains(" finished run 1 trial "), "\(workerLog)")
        #expect(workerLog.contains("stopped after"), "\(workerLog)")

        let single = try singleProcessRun(Self.tableSearch, budget: budget, seed: 5, batch: 3)
        #expect(lines.dropFirst(2).first == single.stdout.split(separator: "\n").first.map(String.init), "the same best")
        let queued = try text("trials.csv", in: folder)
        #expect(queued.split(separator: "\n").count == budget + 1)
        #expect(queued == single.csv, "the queued run's trials differ from the single-process run's")
    }

    /// A run on the NB201 table with three workers while the PostgreSQL server is restarted (every connection cut):
    /// the driver and the workers reconnect, and the run ends with every trial done once, as one process does it.
    @Test func threeWorkersWhilePostgreSQLRestarts() throws {
        let budget = 450
        let folder = try TemporaryFolder()
        guard let store = try QueueTestStore.make(.postgres, in: folder), let server = store.server else { return }
        try folder.write("launch.nas", Self.tableSearch + "r = launch(s, on: space, using: ev, budget: \(budget), seed: 6, workers: 0, batch: 3)\nwait(r);\n"
                         + "print(r.status, len(r.trials))\n" + Self.report)
        let driver = try start(store.driver(["launch.nas"]), in: folder, log: "driver.txt")
        try waitFor(timeout: 60) { try store.count("select count(*) from runs") == 1 }
        let workers = try (1...3).map { try start(store.worker(["--idle-exit", "60", "--lease", "2"]), in: folder, log: "worker\($0).txt") }
        try waitFor(timeout: 120) { try store.count("select count(*) from trials where status = 'done'") >= 30 }
        try server.restart()
        let doneAtRestart = try store.count("select count(*) from trials where status = 'done'")
        #expect(doneAtRestart < budget, "the server restarted while the run worked (\(doneAtRestart) trials done)")
        try waitFor(timeout: 180) { !driver.isRunning }
        let driverLog = try text("driver.txt", in: folder)
        #expect(driver.terminationStatus == 0, "\(driverLog)")
        for worker in workers { kill(worker.processIdentifier, SIGTERM) }
        for worker in workers { worker.waitUntilExit() }
        try expectEveryTrialDoneOnce(budget: budget, in: store, workers: 3, allowingUnlogged: 0)

        let single = try singleProcessRun(Self.tableSearch, budget: budget, seed: 6, batch: 3)
        let lines = driverLog.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == ["done \(budget)", single.stdout.split(separator: "\n").first.map(String.init) ?? ""],
                "the run ended with every trial and the same best: \(driverLog)")
        #expect(try text("trials.csv", in: folder) == single.csv, "the run's trials differ from the single-process run's")
    }

    /// A run on a space and evaluator other than NB201's (basenet and the energy model): a worker process rebuilds
    /// both from the run's description and gives the trials one process gives.
    @Test func aWorkerRebuildsABasenetRunWithTheEnergyModel() throws {
        let search = """
            space = basenet(blocks: ["vgg_k3", "res_k3", "mb_k3_e6"], positions: 1)
            ev = energy(mac: 2e-12, dram: 150)
            s = evolution(population: 4, sample: 2)

            """
        let report = "r.trials | sort trial | select trial, arch, energy | save(\"trials.csv\");\n"
        let folder = try TemporaryFolder()
        guard let store = try QueueTestStore.make(.sqlite, in: folder) else { return }
        try folder.write("launch.nas", search + "r = launch(s, on: space, using: ev, budget: 12, seed: 3, workers: 0, batch: 3)\nwait(r);\n" + report)
        let driver = try start(store.driver(["launch.nas"]), in: folder, log: "driver.txt")
        try waitFor(timeout: 60) { try store.count("select count(*) from runs") == 1 }
        let worker = try start(store.worker(["--idle-exit", "5"]), in: folder, log: "worker.txt")
        try waitFor(timeout: 120) { !driver.isRunning }
        let driverLog = try text("driver.txt", in: folder)
        #expect(driver.terminationStatus == 0, "\(driverLog)")
        worker.waitUntilExit()
        let log = try text("worker.txt", in: folder)
        #expect(log.contains(" finished run 1 trial 12") && !log.contains("cannot"), "\(log)")
        let single = try singleProcessRun(search, budget: 12, seed: 3, batch: 3, report: report)
        #expect(single.csv.split(separator: "\n").count == 13)
        #expect(try text("trials.csv", in: folder) == single.csv, "the worker's trials differ from the single-process run's")
    }

    /// A run that trains on digits, one of three workers killed with SIGKILL in the middle of a trial.
    @Test(arguments: QueueTestStore.Kind.allCases)
    func threeWorkersTrainingWithOneKilledMidTrial(kind: QueueTestStore.Kind) throws {
        let search = """
            space = nb201(channels: 4, cells: 1)
            ev = train(dataset("digits"), epochs: 2, batch: 64, lr: 0.05, threads: 1)
            s = random()

            """
        let folder = try TemporaryFolder()
        guard let store = try QueueTestStore.make(kind, in: folder) else { return }
        try folder.write("launch.nas", search + "r = launch(s, on: space, using: ev, budget: 6, seed: 4, workers: 0, batch: 3)\nwait(r);\n" + Self.report)
        let driver = try start(store.driver(["launch.nas"]), in: folder, log: "driver.txt")
        try waitFor(timeout: 60) { try store.count("select count(*) from runs") == 1 }
        let workers = try (1...3).map { try start(store.worker(["--idle-exit", "30", "--lease", "2"]), in: folder, log: "worker\($0).txt") }
        let victim = try killWorkerMidTrial(workers, in: folder)
        try waitFor(timeout: 240) { !driver.isRunning }
        let driverLog = try text("driver.txt", in: folder)
        #expect(driver.terminationStatus == 0, "\(driverLog)")
        let rows = try store.rows("select count(*), sum(case when status = 'done' then 1 else 0 end) from trials where run_id = 1")
        #expect(rows == ["6|6"], "every trial done: \(rows)")
        let retried = try store.rows("select attempts, worker from trials where seq = \(victim.sequence)").first ?? ""
        let fields = retried.split(separator: "|").map(String.init)
        #expect(fields.first == "2" && fields.last?.split(separator: ":").last?.split(separator: "/").first.map(String.init) != "\(victim.pid)",
                "the killed worker's trial was claimed again and completed once, by another worker: \(retried)")
        for worker in workers where worker.isRunning { kill(worker.processIdentifier, SIGTERM) }
        for worker in workers { worker.waitUntilExit() }

        let single = try singleProcessRun(search, budget: 6, seed: 4, batch: 3)
        #expect(driverLog == single.stdout, "the same best")
        let queued = try text("trials.csv", in: folder)
        #expect(queued.split(separator: "\n").count == 7)
        #expect(queued == single.csv, "the queued run's trials differ from the single-process run's")
    }

    /// A worker stopped by SIGTERM in the middle of a training trial puts it back and exits 0; another finishes the run.
    @Test(arguments: QueueTestStore.Kind.allCases)
    func aWorkerStoppedBySIGTERMMidTrialReleasesItsTrial(kind: QueueTestStore.Kind) throws {
        let folder = try TemporaryFolder()
        guard let store = try QueueTestStore.make(kind, in: folder) else { return }
        try folder.write("launch.nas", """
            r = launch(random(), on: nb201(channels: 4, cells: 1), using: train(dataset("digits"), epochs: 3, batch: 64, threads: 1), budget: 2, seed: 2, workers: 0, batch: 2)
            wait(r);
            print(r.status, len(r.trials))

            """)
        let driver = try start(store.driver(["launch.nas"]), in: folder, log: "driver.txt")
        try waitFor(timeout: 60) { try store.count("select count(*) from runs") == 1 }
        let first = try start(store.worker(["--lease", "30"]), in: folder, log: "first.txt")
        try waitFor(timeout: 60) { try text("first.txt", in: folder).contains(" claimed run 1 trial 1 ") }
        let signalled = Date()
        kill(first.processIdentifier, SIGTERM)
        try waitFor(timeout: 10) { !first.isRunning }
        let stopping = Date().timeIntervalSince(signalled)
        #expect(first.terminationStatus == 0)
        #expect(stopping < 2, "it stopped within \(stopping) s of SIGTERM")
        let state = try store.rows("select status, case when worker is null then 1 else 0 end, attempts from trials where seq = 1")
        #expect(state == ["pending|1|1"], "the trial went back to the queue, its lease released: \(state)")
        let log = try text("first.txt", in: folder)
        #expect(log.contains("released its trial") && log.contains("stopped after 0 trials"), "\(log)")

        let second = try start(store.worker(["--idle-exit", "2"]), in: folder, log: "second.txt")
        try waitFor(timeout: 120) { !driver.isRunning }
        #expect(try text("driver.txt", in: folder) == "done 2\n")
        second.waitUntilExit()
        #expect(try store.count("select attempts from trials where seq = 1") == 2)
    }

    // MARK: - Helpers

    /// Checks that run 1 has trials 1...budget, each done, shared by several workers, and that the workers' logs
    /// show each trial not answered from the cache finished once: the store's count of evaluated trials and the
    /// logs' agree, except for results a worker killed by SIGKILL wrote and died before logging (a claim's worth
    /// at most for each such worker: `allowingUnlogged`).
    private func expectEveryTrialDoneOnce(budget: Int, in store: QueueTestStore, workers: Int, allowingUnlogged killed: Int) throws {
        let audit = try store.rows("""
            select count(*), count(distinct seq), min(seq), max(seq), sum(case when status = 'done' then 1 else 0 end),
                   count(distinct worker) from trials where run_id = 1
            """).first ?? ""
        let fields = audit.split(separator: "|").map(String.init)
        #expect(Array(fields.prefix(5)) == ["\(budget)", "\(budget)", "1", "\(budget)", "\(budget)"], "every trial done exactly once: \(audit)")
        #expect((Int(fields.last ?? "") ?? 0) >= 2, "several workers shared the run: \(audit)")
        let logs = try (1...workers).map { try text("worker\($0).txt", in: store.folder) }.joined()
        let finished = logs.split(separator: "\n").filter { $0.contains(" finished run 1 trial ") }
            .compactMap { $0.split(separator: " finished run 1 trial ").last?.split(separator: ":").first.map(String.init) }
        let evaluated = try store.count("select count(*) from trials where run_id = 1 and cached = 0")
        let unlogged = evaluated - finished.count
        #expect(evaluated > budget / 10 && unlogged >= 0 && unlogged <= killed * QueueTestStore.claimLimit,
                "each trial not answered from the cache evaluated to the end once (\(evaluated) evaluated, \(finished.count) logged)")
        #expect(Set(finished).count == finished.count, "a trial was finished twice")
    }

    /// Kills the driver with SIGKILL at a moment when `queued` (a count) is above 0: only the driver queues trials and
    /// moves the checkpoint, so it is stopped (SIGSTOP) before the store is looked at, and let go on when the count is 0.
    private func killWhileABatchIsQueued(_ driver: Process, store: QueueTestStore, queued: String) throws {
        try waitFor(timeout: 60) {
            kill(driver.processIdentifier, SIGSTOP)
            let stopped = Date().addingTimeInterval(1)
            while Date() < stopped, !(try stateOf(driver.processIdentifier) == "T") { usleep(1_000) }
            if ((try? store.count(queued)) ?? 0) > 0 { return true }
            kill(driver.processIdentifier, SIGCONT)
            return false
        }
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    /// A process's state letter from /proc (`T`: stopped).
    private func stateOf(_ pid: Int32) throws -> String {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        return stat.split(separator: ")").last?.split(separator: " ").first.map(String.init) ?? ""
    }

    /// Kills with SIGKILL a worker whose log says it claimed a trial it has not finished; returns its pid and the trial.
    private func killWorkerMidTrial(_ workers: [Process], in folder: TemporaryFolder) throws -> (pid: Int32, sequence: Int) {
        var victim: (pid: Int32, sequence: Int)?
        do {
            try waitFor(timeout: 120) {
                for (index, worker) in workers.enumerated() {
                    let log = (try? text("worker\(index + 1).txt", in: folder)) ?? ""
                    guard let line = log.split(separator: "\n").last(where: { $0.contains(" claimed run 1 trial ") }),
                          let sequence = line.split(separator: " ").dropFirst(5).first.flatMap({ Int($0) }),
                          !log.contains(" finished run 1 trial \(sequence):") else { continue }
                    victim = (worker.processIdentifier, sequence)
                    kill(worker.processIdentifier, SIGKILL)
                    return true
                }
                return false
            }
        } catch {
            Issue.record("no worker was seen in the middle of a trial; the driver said: \((try? text("driver.txt", in: folder)) ?? "")")
            throw error
        }
        let found = try #require(victim)
        workers.first { $0.processIdentifier == found.pid }?.waitUntilExit()
        return found
    }

    /// The same search run by one process on its own workspace (one in-process worker): its output and trials.csv.
    private func singleProcessRun(_ search: String, budget: Int, seed: Int, batch: Int,
                                  report: String = Self.report) throws -> (stdout: String, csv: String) {
        let alone = try TemporaryFolder()
        try alone.write("launch.nas", search + "r = launch(s, on: space, using: ev, budget: \(budget), seed: \(seed), workers: 1, batch: \(batch))\nwait(r);\n"
                        + report)
        let single = try NaslabBinary.run(["launch.nas"], in: alone.url, timeout: 240)
        #expect(single.status == 0, "\(single.stderr)")
        return (single.stdout, try text("trials.csv", in: alone))
    }

    /// Starts naslab in the folder, its output (both streams) going to `log`.
    private func start(_ arguments: [String], in folder: TemporaryFolder, log: String) throws -> Process {
        let url = folder.url.appendingPathComponent(log)
        try Data().write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NaslabBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.environment = NaslabBinary.testEnvironment(home: folder.url)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: url)
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A file of the folder.
    private func text(_ name: String, in folder: TemporaryFolder) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent(name), encoding: .utf8)
    }

    /// Polls `condition` every 20 ms until it holds; throws after `timeout` seconds.
    private func waitFor(timeout: TimeInterval, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return }
            usleep(20_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }
}
