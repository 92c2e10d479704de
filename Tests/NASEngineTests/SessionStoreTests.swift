import Foundation
import NASEngine
import NASStore
import Testing

/// Choosing the session's store: before it opens, never after, and never showing a password.
@Suite("Session store choice")
struct SessionStoreTests {
    /// A session over a fresh temporary workspace.
    static func session() -> (Session, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-store-choice-\(UUID())")
        return (Session(workspace: folder.appendingPathComponent(".naslab")), folder)
    }

    @Test("the workspace's SQLite file is the default; a chosen file is opened instead, and the workspace is not created")
    func chosenFile() throws {
        let (session, folder) = Self.session()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(session.storeLocation == .sqlite(path: folder.appendingPathComponent(".naslab/store.sqlite").path))
        let file = folder.appendingPathComponent("elsewhere/runs.sqlite").path
        try session.useStore(url: "sqlite:" + file)
        _ = try session.runs()
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".naslab").path))
        try session.useStore(url: "sqlite:" + file)   // the same store again is fine
    }

    @Test("another store after the store opened is refused, naming both")
    func refusedAfterOpening() throws {
        let (session, folder) = Self.session()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try session.runs()
        do {
            try session.useStore(url: "postgres://ann:Hidden-Word@db.example.org/lab")
            Issue.record("a second store was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("already uses its workspace's store") && text.contains("postgres://ann:***@db.example.org/lab"), "\(text)")
            #expect(!text.contains("Hidden-Word"))
        }
    }

    @Test("a location that cannot be read is an error without its password")
    func unreadable() {
        let (session, _) = Self.session()
        #expect(throws: StoreOpenError.self) { try session.useStore(url: "postgres://ann:Hidden-Word@h/db?bogus=1") }
        do { try session.useStore(url: "redis://ann:Hidden-Word@h/0") } catch {
            #expect("\(error)".hasPrefix("bad store location: unknown store kind 'redis'") && !"\(error)".contains("Hidden-Word"), "\(error)")
        }
    }
}
