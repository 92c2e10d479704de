import Foundation
import Testing

/// Runs and the experiment store through the real binary: a script waits for its runs, the
/// store is shared by later invocations, and a run killed with SIGKILL is found interrupted by
/// the next invocation and resumes (its strategy rebuilt from the store) to the same trials as
/// one left alone.
@Suite struct RunsEndToEndTests {
    static let search = """
        space = nb201()
        ev = nb201(dataset: "cifar10")
        s = evolution(population: 10, sample: 3)

        """

    @Test func aScriptWaitsForItsRunAndALaterInvocationReadsTheStore() throws {
        let folder = try TemporaryFolder()
        try folder.write("launch.nas", Self.search + "r = launch(s, on: space, using: ev, budget: 80, seed: 2);\n")
        let first = try NaslabBinary.run(["launch.nas"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        // Read the store with Python's sqlite3, independently of naslab.
        let counted = try python("""
            import sqlite3
            db = sqlite3.connect('.naslab/store.sqlite')
            status = db.execute('select status from runs where id = 1').fetchone()[0]
            n = db.execute("select count(*) from trials where run_id = 1 and status = 'done'").fetchone()[0]
            best = db.execute("select max(json_extract(metrics, '$.accuracy')) from trials where run_id = 1").fetchone()[0]
            print(status, n, repr(best))
            """, in: folder.url)
        let fields = counted.split(separator: " ")
        #expect(fields.count == 3 && fields[0] == "done" && fields[1] == "80", "\(counted)")
        try folder.write("read.nas", "r = run(1)\nprint(r.status, len(r.trials), r.strategy)\nprint(best(r).accuracy / 1%)\n")
        let second = try NaslabBinary.run(["read.nas"], in: folder.url)
        #expect(second.status == 0, "\(second.stderr)")
        let lines = second.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "done 80 evolution")
        if fields.count == 3, lines.count == 2, let python = Double(fields[2]), let naslab = Double(lines[1]) {
            #expect(abs(python * 100 - naslab) < 1e-4)
        } else {
            Issue.record("unexpected output: \(second.stdout) / \(counted)")
        }
    }

    @Test func aRunKilledWithSIGKILLResumesToTheSameTrialsAsAnUninterruptedOne() throws {
        let killed = try TemporaryFolder()
        try killed.write("launch.nas", Self.search + "r = launch(s, on: space, using: ev, budget: 1500, seed: 9);\n")
        let process = try startNaslab(["launch.nas"], in: killed.url)
        try waitForTrials(atLeast: 40, in: killed.url, timeout: 60)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = try python("""
            import sqlite3
            db = sqlite3.connect('.naslab/store.sqlite')
            print(db.execute('select status from runs where id = 1').fetchone()[0],
                  db.execute("select count(*) from trials where run_id = 1 and status = 'done'").fetchone()[0])
            """, in: killed.url).split(separator: " ")
        #expect(before.first == "running", "the run was still working when killed")
        #expect((Int(before.last ?? "") ?? 1500) < 1500)

        let resume = Self.search + """
            r = run(1)
            print(r.status)
            resume(r, on: space, using: ev);
            wait(r);
            print(r.status, len(r.trials))
            r.trials | sort trial | select trial, arch, accuracy | save("trials.csv");

            """
        try killed.write("resume.nas", resume)
        let resumed = try NaslabBinary.run(["resume.nas"], in: killed.url, timeout: 120)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == "interrupted\ndone 1500\n")

        let alone = try TemporaryFolder()
        try alone.write("launch.nas", Self.search + """
            r = launch(s, on: space, using: ev, budget: 1500, seed: 9)
            wait(r);
            r.trials | sort trial | select trial, arch, accuracy | save("trials.csv");

            """)
        let uninterrupted = try NaslabBinary.run(["launch.nas"], in: alone.url, timeout: 120)
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        let a = try String(contentsOf: killed.url.appendingPathComponent("trials.csv"), encoding: .utf8)
        let b = try String(contentsOf: alone.url.appendingPathComponent("trials.csv"), encoding: .utf8)
        #expect(a.split(separator: "\n").count == 1501)
        #expect(a == b, "the resumed run's trials differ from the uninterrupted run's")
    }

    // MARK: - Helpers

    private func startNaslab(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NaslabBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = NaslabBinary.testEnvironment(home: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls the store (with Python's sqlite3) until run 1 has `count` finished trials.
    private func waitForTrials(atLeast count: Int, in directory: URL, timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let n = try? python("""
                import sqlite3, os
                if not os.path.exists('.naslab/store.sqlite'): print(0)
                else:
                    db = sqlite3.connect('.naslab/store.sqlite')
                    try: print(db.execute("select count(*) from trials where run_id = 1 and status = 'done'").fetchone()[0])
                    except sqlite3.OperationalError: print(0)
                """, in: directory)
            if let n, let value = Int(n), value >= count { return }
            usleep(20_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }

    /// Runs a Python program in `directory` and returns its trimmed stdout.
    private func python(_ program: String, in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
