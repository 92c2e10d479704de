import Foundation
import NASCore
import Synchronization
import Testing
@testable import NASEngine

@Suite("Session and jobs")
struct SessionTests {
    private func temporaryWorkspace() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("naslab-session-\(UUID().uuidString)/.naslab")
    }

    @Test("the workspace is created on first use, not before")
    func lazyWorkspace() throws {
        let url = temporaryWorkspace()
        let session = Session(workspace: url)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        try session.ensureWorkspace()
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    @Test("the default workspace is .naslab in the working directory")
    func defaultWorkspace() {
        let url = Session.defaultWorkspace()
        #expect(url.lastPathComponent == ".naslab")
        #expect(url.deletingLastPathComponent().standardizedFileURL.path
                == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path)
    }

    @Test("a background job reports progress to onProgress, then a final event")
    func progressEvents() {
        let session = Session(workspace: temporaryWorkspace())
        let events = Mutex<[ProgressEvent]>([])
        session.onProgress = { event in events.withLock { $0.append(event) } }
        let job = session.jobs.launch(name: "count") { context in
            for i in 1...4 { context.progress(done: i, total: 4, message: "step \(i)") }
        }
        #expect(job.wait() == .succeeded)
        let seen = events.withLock { $0 }
        #expect(seen.filter { !$0.isFinal }.map(\.done) == [1, 2, 3, 4])
        #expect(seen.last?.isFinal == true)
        #expect(seen.last?.message == "succeeded")
        #expect(seen.allSatisfy { $0.jobID == job.id && $0.job == "count" })
        #expect(job.progress?.fraction == 1)
    }

    @Test("cancelling a job stops it; its status says cancelled")
    func cancelBackgroundJob() {
        let session = Session(workspace: temporaryWorkspace())
        let job = session.jobs.launch(name: "spin") { context in
            while true {
                try context.check()
                Thread.sleep(forTimeInterval: 0.001)
            }
        }
        #expect(job.status == .running)
        job.cancel()
        #expect(job.wait() == .cancelled)
    }

    @Test("a job that throws ends failed with the error's text")
    func failingJob() {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        let session = Session(workspace: temporaryWorkspace())
        let job = session.jobs.launch(name: "bad") { _ in throw Boom() }
        #expect(job.wait() == .failed("boom"))
    }

    @Test("waiting on a job with the session's interrupt cancels it on Ctrl-C")
    func waitHonoursInterrupt() {
        let session = Session(workspace: temporaryWorkspace())
        let job = session.jobs.launch(name: "long") { context in
            while !context.isCancelled { Thread.sleep(forTimeInterval: 0.001) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { session.interrupt.cancel() }
        #expect(job.wait(interrupt: session.interrupt) == .cancelled)
    }

    @Test("a foreground job is cancelled by the session interrupt and rethrows")
    func foregroundInterrupt() {
        let session = Session(workspace: temporaryWorkspace())
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { session.interrupt.cancel() }
        #expect(throws: CancellationError.self) {
            try session.runForeground("train") { context in
                while true {
                    try context.check()
                    Thread.sleep(forTimeInterval: 0.001)
                }
            }
        }
        #expect(session.jobs.jobs.last?.status == .cancelled)
    }

    @Test("a foreground job returns its value and is numbered after earlier jobs")
    func foregroundValue() throws {
        let session = Session(workspace: temporaryWorkspace())
        let first = try session.runForeground("a") { _ in 1 }
        let second = try session.runForeground("b") { context in context.jobID * 10 }
        #expect(first == 1)
        #expect(second == 20)
        #expect(session.jobs.jobs.map(\.status) == [.succeeded, .succeeded])
    }
}
