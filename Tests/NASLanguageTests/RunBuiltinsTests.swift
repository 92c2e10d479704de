import Foundation
import NASEngine
import NASSearch
import Testing
@testable import NASLanguage

/// Run builtins through the interpreter: progress reaches the session's front end, every
/// run, store and strategy builtin has a full help page, and scripts wait for their runs.
@Suite struct RunBuiltinsTests {
    @Test func aRunReportsItsProgressAsASessionJob() throws {
        let harness = Harness()
        let events = EventLog()
        harness.session.onProgress = { events.append($0) }
        let (output, result) = harness.run("""
            r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 20, seed: 1)
            wait(r);
            """)
        #expect(result.diagnostics.isEmpty, "\(output)")
        // The job's final event may arrive just after wait() returns.
        let deadline = Date().addingTimeInterval(5)
        while !events.all.contains(where: \.isFinal), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let all = events.all
        #expect(all.allSatisfy { $0.job == "run 1 (random)" })
        let last = try #require(all.last { !$0.isFinal })
        #expect(last.done == 20 && last.total == 20)
        #expect(last.message.contains("best accuracy"))
        #expect(all.last?.isFinal == true)
        let job = try #require(harness.session.jobs.jobs.first)
        #expect(job.status == .succeeded)
    }

    @Test func launchForExternalWorkersRefusesAnEvaluatorTheyCannotRebuildAndChecksItsCounts() throws {
        let harness = Harness()
        let (_, result) = harness.run("""
            r = launch(random(), on: nb201(), using: [nb201(dataset: "cifar10"), few_shot(latency(device: "fpga"))], budget: 4, workers: 0)
            """)
        let message = result.diagnostics.first?.message ?? ""
        #expect(message.contains("naslab worker processes cannot rebuild") && message.contains("workers: 1 or more"), "\(message)")
        let (_, negative) = harness.run("r = launch(random(), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 4, batch: 0)")
        #expect(negative.diagnostics.first?.message.contains("batch must be from 1 to 4096") == true)
    }

    @Test func aScriptWaitsForItsRunsBeforeItEnds() throws {
        let harness = Harness()
        let (_, result) = harness.run("r = launch(evolution(), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 200, seed: 3)\n")
        #expect(result.diagnostics.isEmpty)
        let handles = try harness.session.runs().handles
        #expect(handles.count == 1 && handles.allSatisfy(\.isFinished))
        #expect(handles.first?.progress.trials == 200)
    }

    @Test func aScriptThatFailsCancelsItsRunsSoTheyStayResumable() throws {
        let harness = Harness()
        let (_, result) = harness.run("""
            r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 1000000, seed: 3)
            assert false, "stop here"
            """)
        #expect(result.outcome == .assertionFailed)
        let handle = try #require(try harness.session.runs().handles.first)
        #expect(handle.isFinished && handle.progress.status == .cancelled)
    }

    @Test func everyRunStoreAndStrategyBuiltinHasAFullHelpPage() throws {
        let registry = BuiltinRegistry.standard()
        let names = ["launch", "simulate", "run", "runs", "status", "wait", "cancel", "resume", "trials", "best", "pareto", "sql", "save",
                     "load", "maximize", "minimize", "mnasnet_reward"] + StrategyRegistry.names
        for name in names {
            let builtin = try #require(registry.lookup(name), "\(name) is not registered")
            #expect(!builtin.summary.isEmpty && builtin.help.count > 80, "\(name)")
            #expect(builtin.example != nil, "\(name) has no example")
            #expect(builtin.parameters.allSatisfy { !$0.help.isEmpty }, "\(name) has an undocumented parameter")
            let page = try #require(registry.builtinPage(for: name))
            #expect(page.contains(builtin.signatureText) && page.contains(String(builtin.help.prefix(20))), "\(name)")
            // `help NAME` shows the concept page where one shares the name, with the builtin's signature.
            #expect(try #require(registry.helpText(for: name)).contains(builtin.signatureText), "\(name)")
        }
        for name in StrategyRegistry.names + ["mnasnet_reward"] {
            #expect(registry.lookup(name)?.paper != nil, "\(name) names no paper")
        }
    }
}

/// Progress events collected from another thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ProgressEvent] = []

    func append(_ event: ProgressEvent) { lock.withLock { events.append(event) } }
    var all: [ProgressEvent] { lock.withLock { events } }
}
