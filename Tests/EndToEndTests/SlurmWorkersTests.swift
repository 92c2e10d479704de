import Foundation
import Testing

/// naslab workers started by Slurm: a one-node cluster (slurmctld and slurmd on this machine,
/// `scripts/slurm-cluster`) runs an `sbatch --array` of three `naslab worker` processes that drain a
/// run driven from a script through a throw-away PostgreSQL store (`scripts/pg-throwaway`).
@Suite(.serialized) struct SlurmWorkersTests {
    /// Whether Slurm, munge and PostgreSQL are here and this process may start daemons (root).
    static let hasCluster: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/sbatch")
        && FileManager.default.isExecutableFile(atPath: "/usr/sbin/munged")
        && ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.isEmpty == false)

    static let trials = 60

    /// A script that launches random search on the NB201 table, waits, and saves its trials.
    static func driver(workers: Int, csv: String) -> String {
        """
        r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: \(trials), seed: 7, workers: \(workers), batch: 6)
        wait(r)
        assert r.status == "done", "the run finished"
        save((trials(r) | select trial, arch, accuracy, status), "\(csv)")
        print("best", best(r).accuracy)
        """
    }

    /// Runs a repository script (`scripts/NAME args…`) and returns its output; throws when it fails.
    func script(_ name: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let result = try ExternalTools.run(NaslabBinary.packageRoot.appendingPathComponent("scripts/\(name)").path, arguments,
                                           environment: environment, timeout: 120)
        guard result.status == 0 else { throw ScriptFailure(name: name, output: result.output) }
        return result.output
    }

    struct ScriptFailure: Error, CustomStringConvertible {
        let name: String
        let output: String
        var description: String { "scripts/\(name) failed: \(output)" }
    }

    @Test("an sbatch array of three naslab workers evaluates a script's run through PostgreSQL: every trial once, as one process would",
          .enabled(if: hasCluster || ExternalTools.isRequired, "needs root, slurm-wlm, munge and postgresql (NASLAB_WITH_SLURM=1 NASLAB_WITH_POSTGRES=1 scripts/setup)"))
    func slurmArrayDrainsARun() throws {
        #expect(Self.hasCluster, "Slurm, munge and PostgreSQL are required (NASLAB_REQUIRE_EXTERNAL=1), and root")
        guard Self.hasCluster else { return }
        let folder = try TemporaryFolder()
        let pg = folder.url.appendingPathComponent("pg").path, slurm = folder.url.appendingPathComponent("slurm").path
        let url = try script("pg-throwaway", ["start", pg]).trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? script("pg-throwaway", ["stop", pg]) }
        let conf = try script("slurm-cluster", ["start", slurm]).split(separator: "=", maxSplits: 1).last.map(String.init)?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        defer { _ = try? script("slurm-cluster", ["stop", slurm]) }

        // The driver waits for workers (workers: 0); Slurm starts three, which leave when the queue stays empty.
        try folder.write("driver.nas", Self.driver(workers: 0, csv: folder.url.appendingPathComponent("queued.csv").path))
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: NaslabBinary.path)
        driver.arguments = ["--store", url, "--workspace", folder.url.appendingPathComponent("ws").path, "driver.nas"]
        driver.currentDirectoryURL = folder.url
        driver.environment = NaslabBinary.testEnvironment(home: folder.url)
        let driverLog = folder.url.appendingPathComponent("driver.txt")
        try Data().write(to: driverLog)
        driver.standardOutput = try FileHandle(forWritingTo: driverLog)
        driver.standardError = driver.standardOutput
        try driver.run()
        try folder.write("worker.sh", "#!/bin/sh\nexec '\(NaslabBinary.path)' worker --store '\(url)' --idle-exit 5\n")
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_CONF"] = conf
        let submitted = try ExternalTools.run("/usr/bin/sbatch", ["--array=1-3", "-o", folder.url.appendingPathComponent("worker-%a.txt").path,
                                                                   folder.url.appendingPathComponent("worker.sh").path], environment: environment)
        #expect(submitted.status == 0 && submitted.output.contains("Submitted batch job"), "\(submitted.output)")
        let deadline = Date().addingTimeInterval(180)
        while driver.isRunning, Date() < deadline { usleep(50_000) }
        if driver.isRunning { driver.terminate() }
        let log = (try? String(contentsOf: driverLog, encoding: .utf8)) ?? ""
        #expect(driver.terminationStatus == 0, "the driver failed: \(log)")

        // Every worker of the array ran and evaluated trials; between them, each trial once.
        Thread.sleep(forTimeInterval: 6)
        let outputs = (1...3).map { (try? String(contentsOf: folder.url.appendingPathComponent("worker-\($0).txt"), encoding: .utf8)) ?? "" }
        for (i, output) in outputs.enumerated() { #expect(output.contains("worker "), "array task \(i + 1) did not run: \(output)") }
        let queued = try String(contentsOf: folder.url.appendingPathComponent("queued.csv"), encoding: .utf8)
        let rows = queued.split(separator: "\n").dropFirst()
        #expect(rows.count == Self.trials)
        #expect(Set(rows.map { $0.split(separator: ",").first! }).count == Self.trials, "a trial is recorded twice")

        // The same script with one in-process worker on SQLite records the same trials and results.
        try folder.write("alone.nas", Self.driver(workers: 1, csv: folder.url.appendingPathComponent("alone.csv").path))
        let alone = try NaslabBinary.run(["--workspace", folder.url.appendingPathComponent("ws-alone").path, "alone.nas"], in: folder.url, timeout: 120)
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("alone.csv"), encoding: .utf8) == queued)
        #expect(alone.stdout.split(separator: "\n").last == log.split(separator: "\n").last, "the best result differs")
    }
}
