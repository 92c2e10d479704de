import ArgumentParser
import Foundation
import NASCore
import NASEngine

/// `naslab worker`: evaluates pending trials of the store's runs until SIGTERM (or idle for `--idle-exit`).
///
/// Each claimed and finished trial is printed as one line. SIGTERM and SIGINT stop it cleanly: the trials
/// under way are cancelled and put back to pending, and it exits 0. SIGKILL is safe too: its claims run
/// out with their lease and other workers take the trials over.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naslab worker",
        abstract: "Evaluate the pending trials of runs in a store (see docs/scale-out.md).",
        discussion: """
        naslab worker --store .naslab/store.sqlite --concurrency 2
        naslab worker --store PATH --run 3 --run 4 --idle-exit 60

        A run launched with workers: 0 waits for such workers; they rebuild its space and evaluator \
        from the description the run keeps. SIGTERM puts the trials under way back to pending and exits 0.
        """
    )

    @Option(help: ArgumentHelp("The store: postgres://user@host/db, or an SQLite file's path (sqlite:PATH works too); NASLAB_STORE when not given.", valueName: "url"))
    var store: String?

    @Option(help: "Trials evaluated at once (threads).")
    var concurrency = 1

    @Option(name: .customLong("run"), help: ArgumentHelp("Only this run's trials (repeat for several).", valueName: "id"))
    var runs: [Int64] = []

    @Option(help: ArgumentHelp("Exit after this many seconds with nothing to claim.", valueName: "seconds"))
    var idleExit: Double?

    @Option(help: ArgumentHelp("Seconds a claim lasts without a heartbeat.", valueName: "seconds"))
    var lease: Double = 30

    mutating func validate() throws {
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency is from 1 to 256, not \(concurrency)") }
        guard lease >= 0.1 else { throw ValidationError("--lease is at least 0.1 seconds") }
        if let idleExit, idleExit < 0 { throw ValidationError("--idle-exit is 0 seconds or more") }
        guard let location = storeText else { throw ValidationError("naslab worker needs --store URL (or NASLAB_STORE)") }
        if let problem = QueueWorker.problem(withLocation: location) { throw ValidationError(problem) }
    }

    /// The store as given: `--store`, else `NASLAB_STORE`.
    private var storeText: String? {
        store ?? ProcessInfo.processInfo.environment["NASLAB_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func run() throws {
        Terminal.lineBufferOutput()
        let options = QueueWorker.Options(concurrency: concurrency, runs: runs.isEmpty ? nil : runs, lease: lease,
                                          idleExit: idleExit)
        let text = storeText ?? ""
        let shown = QueueWorker.shownLocation(text)   // never the password
        let worker: QueueWorker
        do {
            worker = try QueueWorker(storeLocation: text, options: options) { line in
                print(line)
                Terminal.flush()
            }
        } catch {
            FileHandle.standardError.write(Data("naslab worker: \(error)\n".utf8))
            throw ExitCode(ExitStatus.internalError.rawValue)
        }
        let stop = CancellationToken()
        TerminationSignal.install(cancelling: stop)
        print("worker \(worker.name) on \(shown): \(concurrency) at a time\(runs.isEmpty ? "" : ", runs \(runs.map(String.init).joined(separator: " "))")")
        Terminal.flush()
        worker.run(stop: stop)
        print("worker \(worker.name) stopped after \(worker.completed) trials")
        Terminal.flush()
    }
}
