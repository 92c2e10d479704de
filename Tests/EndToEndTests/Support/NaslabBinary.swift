import Foundation

/// Finds and runs the real `naslab` binary.
enum NaslabBinary {
    /// `$NASLAB_BIN`, or `.build/debug/naslab` under the package root.
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["NASLAB_BIN"], !path.isEmpty { return path }
        return packageRoot.appendingPathComponent(".build/debug/naslab").path
    }

    /// The package root, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // Support
            .deletingLastPathComponent()   // EndToEndTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()
    }

    /// What a finished run left behind.
    struct Run {
        /// The exit status.
        var status: Int32
        /// Everything written to stdout.
        var stdout: String
        /// Everything written to stderr.
        var stderr: String
    }

    /// Runs naslab with `arguments`, feeding `input` on stdin, in `directory`; kills it after `timeout` seconds.
    static func run(_ arguments: [String], input: String = "", in directory: URL,
                    environment extra: [String: String] = [:], timeout: TimeInterval = 30) throws -> Run {
        let outURL = directory.appendingPathComponent("stdout-\(UUID()).txt")
        let errURL = directory.appendingPathComponent("stderr-\(UUID()).txt")
        let inURL = directory.appendingPathComponent("stdin-\(UUID()).txt")
        defer { for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) } }
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try Data(input.utf8).write(to: inURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = testEnvironment(home: directory).merging(extra) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// A clean environment: a temporary HOME and history, no colour settings from the caller.
    static func testEnvironment(home: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["NASLAB_HISTORY"] = home.appendingPathComponent("history").path
        environment["TERM"] = "xterm"
        environment.removeValue(forKey: "NO_COLOR")
        return environment
    }
}

/// A temporary folder for one test, removed when the test ends.
final class TemporaryFolder {
    /// The folder.
    let url: URL

    /// Creates an empty folder under the system's temporary directory.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file into the folder and returns its path relative to it.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return name
    }
}
