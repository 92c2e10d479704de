import Foundation
import Testing

/// The trial queue through the real binary: a script launches a run with `workers: 0` and three
/// `naslab worker` processes share its SQLite store. Workers are killed with SIGKILL (a trial under way
/// is claimed again and completed exactly once), the driver is killed and resumed by a second script,
/// and the run's trials and best equal those of a single-process run with the same seed. The store is
/// read with Python's sqlite3, independently of naslab.
@Suite(.serialized) struct QueueEndToEndTests {
    /// A run on the NB201 table, its driver killed and resumed, one worker killed, the others stopped by SIGTERM.
    @Test func threeWorkersOnTheNB201TableWithTheDriverKilledAndResumed() throws {
        // Enough trials (a few seconds through the queue) that the driver is still working when killed.
        let budget = 600
        let search = """
            space = nb201()
            ev = nb201(dataset: "cifar10")
            s = evolution(population: 6, sample: 3)

            """
        let report = """
            r.trials | sort trial | select trial, arch, accuracy | save("trials.csv");
            print(best(r).arch, best(r).accuracy / 1%)

            """
        let folder = try TemporaryFolder()
        try folder.write("launch.nas", search + "r = launch(s, on: space, using: ev, budget: \(budget), seed: 5, workers: 0, batch: 3)\nwait(r);\n")
        let driver = try start(["launch.nas"], in: folder, log: "driver.txt")
        try waitFor(in: folder, timeout: 60) { try count("select count(*) from runs", in: folder) == 1 }
        let workers = try (1...3).map { try start(worker(["--idle-exit", "60", "--lease", "2"]), in: folder, log: "worker\($0).txt") }
        // Killed while a batch is queued (trials after its checkpoint), so the resumed driver must take them up.
        let queuedAfterCheckpoint = "select count(*) from trials t join runs r on r.id = t.run_id where t.seq > r.checkpoint_seq"
        try waitFor(in: folder, timeout: 120) {
            try count("select count(*) from trials where status = 'done'", in: folder) >= 9 && count(queuedAfterCheckpoint, in: folder) > 0
        }
        kill(driver.processIdentifier, SIGKILL)
        kill(workers[0].processIdentifier, SIGKILL)
        driver.waitUntilExit()
        workers[0].waitUntilExit()
        let doneBefore = try count("select count(*) from trials where status = 'done'", in: folder)
        #expect(doneBefore < budget, "the driver was killed before the run ended")
        #expect(try count(queuedAfterCheckpoint, in: folder) > 0, "a batch was queued when the driver died")

        try folder.write("resume.nas", "r = run(1)\nprint(r.status)\nresume(r);\nwait(r);\nprint(r.status, len(r.trials))\n" + report)
        let resumed = try NaslabBinary.run(["resume.nas"], in: folder.url, timeout: 180)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let lines = resumed.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == ["interrupted", "done \(budget)"], "\(resumed.stdout)")

        for worker in workers.dropFirst() { kill(worker.processIdentifier, SIGTERM) }
        for worker in workers.dropFirst() {
            try waitFor(in: folder, timeout: 30) { !worker.isRunning }
            #expect(worker.terminationStatus == 0, "a worker stopped by SIGTERM exits 0")
        }
        let audit = try python("""
            import sqlite3
            db = sqlite3.connect('.naslab/store.sqlite')
            rows = db.execute('select seq, status from trials where run_id = 1 order by seq').fetchall()
            print(len(rows), sorted(s for s, _ in rows) == list(range(1, \(budget + 1))), all(st == 'done' for _, st in rows),
                  db.execute("select count(distinct worker) from trials where worker is not null").fetchone()[0])
            """, in: folder)
        let fields = audit.split(separator: " ").map(String.init)
        #expect(Array(fields.prefix(3)) == ["\(budget)", "True", "True"], "every trial done exactly once: \(audit)")
        #expect((Int(fields.last ?? "") ?? 0) >= 2, "several workers shared the run: \(audit)")
        let logs = try (1...3).map { try String(contentsOf: folder.url.appendingPathComponent("worker\($0).txt"), encoding: .utf8) }
        let finished = logs.joined().split(separator: "\n").filter { $0.contains(" finished run 1 trial ") }
            .compactMap { $0.split(separator: " finished run 1 trial ").last?.split(separator: ":").first.map(String.init) }
        let completions = finished.count
        let evaluated = try count("select count(*) from trials where cached = 0", in: folder)
        // The worker killed by SIGKILL may have recorded a result and died before logging it: one at most.
        #expect(evaluated > budget / 10 && (completions == evaluated || completions == evaluated - 1),
                "each trial not answered from the cache evaluated to the end once, none again after the driver resumed")
        #expect(Set(finished).count == finished.count, "a trial was finished twice")
        let workerLog = logs[1]
        #expect(workerLog.contains(" claimed run 1 trial ") && workerLog.contains(" finished run 1 trial "), "\(workerLog)")
        #expect(workerLog.contains("stopped after"), "\(workerLog)")

        let alone = try TemporaryFolder()
        try alone.write("launch.nas", search + "r = launch(s, on: space, using: ev, budget: \(budget), seed: 5, workers: 1, batch: 3)\nwait(r);\n" + report)
        let single = try NaslabBinary.run(["launch.nas"], in: alone.url, timeout: 120)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(lines.dropFirst(2).first == single.stdout.split(separator: "\n").first.map(String.init), "the same best")
        let a = try String(contentsOf: folder.url.appendingPathComponent("trials.csv"), encoding: .utf8)
        let b = try String(contentsOf: alone.url.appendingPathComponent("trials.csv"), encoding: .utf8)
        #expect(a.split(separator: "\n").count == budget + 1)
        #expect(a == b, "the queued run's trials differ from the single-process run's")
    }

    /// A run that trains on digits, one of three workers killed with SIGKILL in the middle of a trial.
    @Test func threeWorkersTrainingWithOneKilledMidTrial() throws {
        let search = """
            space = nb201(channels: 4, cells: 1)
            ev = train(dataset("digits"), epochs: 2, batch: 64, lr: 0.05, threads: 1)
            s = random()

            """
        let report = """
            r.trials | sort trial | select trial, arch, accuracy | save("trials.csv");
            print(best(r).arch, best(r).accuracy / 1%)

            """
        let folder = try TemporaryFolder()
        try folder.write("launch.nas", search + "r = launch(s, on: space, using: ev, budget: 6, seed: 4, workers: 0, batch: 3)\nwait(r);\n" + report)
        let driver = try start(["launch.nas"], in: folder, log: "driver.txt")
        try waitFor(in: folder, timeout: 60) { try count("select count(*) from runs", in: folder) == 1 }
        let workers = try (1...3).map { try start(worker(["--idle-exit", "30", "--lease", "2"]), in: folder, log: "worker\($0).txt") }
        // The victim: a worker whose log says it claimed a trial it has not finished (it prints both lines at once).
        var victim: (pid: Int32, sequence: Int)?
        do {
            try waitFor(in: folder, timeout: 120) {
                for (index, worker) in workers.enumerated() {
                    let log = (try? String(contentsOf: folder.url.appendingPathComponent("worker\(index + 1).txt"), encoding: .utf8)) ?? ""
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
            let driverLog = (try? String(contentsOf: folder.url.appendingPathComponent("driver.txt"), encoding: .utf8)) ?? ""
            Issue.record("no worker was seen in the middle of a trial; the driver said: \(driverLog)")
            throw error
        }
        let killed = try #require(workers.first { $0.processIdentifier == victim?.pid })
        killed.waitUntilExit()
        try waitFor(in: folder, timeout: 240) { !driver.isRunning }
        let driverLog = try String(contentsOf: folder.url.appendingPathComponent("driver.txt"), encoding: .utf8)
        #expect(driver.terminationStatus == 0, "\(driverLog)")
        let audit = try python("""
            import sqlite3
            db = sqlite3.connect('.naslab/store.sqlite')
            rows = db.execute('select seq, status from trials where run_id = 1 order by seq').fetchall()
            attempts, worker = db.execute('select attempts, worker from trials where seq = \(victim?.sequence ?? 0)').fetchone()
            print(len(rows), all(st == 'done' for _, st in rows), attempts, worker.split(':')[-1].split('/')[0] != '\(victim?.pid ?? 0)')
            """, in: folder)
        #expect(audit.split(separator: " ").map(String.init) == ["6", "True", "2", "True"],
                "the killed worker's trial was claimed again and completed once, by another worker: \(audit)")
        for worker in workers where worker.isRunning { kill(worker.processIdentifier, SIGTERM) }
        for worker in workers { worker.waitUntilExit() }

        let alone = try TemporaryFolder()
        try alone.write("launch.nas", search + "r = launch(s, on: space, using: ev, budget: 6, seed: 4, workers: 1, batch: 3)\nwait(r);\n" + report)
        let single = try NaslabBinary.run(["launch.nas"], in: alone.url, timeout: 240)
        #expect(single.status == 0, "\(single.stderr)")
        let queuedLog = try String(contentsOf: folder.url.appendingPathComponent("driver.txt"), encoding: .utf8)
        #expect(queuedLog == single.stdout, "the same best")
        let a = try String(contentsOf: folder.url.appendingPathComponent("trials.csv"), encoding: .utf8)
        let b = try String(contentsOf: alone.url.appendingPathComponent("trials.csv"), encoding: .utf8)
        #expect(a.split(separator: "\n").count == 7)
        #expect(a == b, "the queued run's trials differ from the single-process run's")
    }

    /// A worker stopped by SIGTERM in the middle of a training trial puts it back and exits 0; another finishes the run.
    @Test func aWorkerStoppedBySIGTERMMidTrialReleasesItsTrial() throws {
        let folder = try TemporaryFolder()
        try folder.write("launch.nas", """
            r = launch(random(), on: nb201(channels: 4, cells: 1), using: train(dataset("digits"), epochs: 3, batch: 64, threads: 1), budget: 2, seed: 2, workers: 0, batch: 2)
            wait(r);
            print(r.status, len(r.trials))

            """)
        let driver = try start(["launch.nas"], in: folder, log: "driver.txt")
        try waitFor(in: folder, timeout: 60) { try count("select count(*) from runs", in: folder) == 1 }
        let first = try start(worker(["--lease", "30"]), in: folder, log: "first.txt")
        try waitFor(in: folder, timeout: 60) {
            (try? String(contentsOf: folder.url.appendingPathComponent("first.txt"), encoding: .utf8))?.contains(" claimed run 1 trial 1 ") == true
        }
        let signalled = Date()
        kill(first.processIdentifier, SIGTERM)
        try waitFor(in: folder, timeout: 10) { !first.isRunning }
        let stopping = Date().timeIntervalSince(signalled)
        #expect(first.terminationStatus == 0)
        #expect(stopping < 2, "it stopped within \(stopping) s of SIGTERM")
        let state = try python("""
            import sqlite3
            db = sqlite3.connect('.naslab/store.sqlite')
            print(db.execute("select status, worker is null, attempts from trials where seq = 1").fetchone())
            """, in: folder)
        #expect(state == "('pending', 1, 1)", "the trial went back to the queue, its lease released: \(state)")
        let log = try String(contentsOf: folder.url.appendingPathComponent("first.txt"), encoding: .utf8)
        #expect(log.contains("released its trial") && log.contains("stopped after 0 trials"), "\(log)")

        let second = try start(worker(["--idle-exit", "2"]), in: folder, log: "second.txt")
        try waitFor(in: folder, timeout: 120) { !driver.isRunning }
        #expect(try String(contentsOf: folder.url.appendingPathComponent("driver.txt"), encoding: .utf8) == "done 2\n")
        second.waitUntilExit()
        #expect(try count("select attempts from trials where seq = 1", in: folder) == 2)
    }

    // MARK: - Helpers

    /// The arguments of a worker on the folder's store.
    private func worker(_ extra: [String]) -> [String] {
        ["worker", "--store", ".naslab/store.sqlite"] + extra
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

    /// Polls `condition` every 20 ms until it holds; throws after `timeout` seconds.
    private func waitFor(in folder: TemporaryFolder, timeout: TimeInterval, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return }
            usleep(20_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }

    /// One number from the store.
    private func count(_ query: String, in folder: TemporaryFolder) throws -> Int {
        let text = try python("""
            import sqlite3, os
            if not os.path.exists('.naslab/store.sqlite'): print(0)
            else:
                db = sqlite3.connect('.naslab/store.sqlite')
                try: print(db.execute("\(query)").fetchone()[0])
                except sqlite3.OperationalError: print(0)
            """, in: folder)
        return Int(text) ?? 0
    }

    /// Runs a Python program in the folder and returns its trimmed stdout.
    private func python(_ program: String, in folder: TemporaryFolder) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program]
        process.currentDirectoryURL = folder.url
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
