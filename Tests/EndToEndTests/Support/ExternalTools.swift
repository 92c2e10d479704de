import Foundation

/// Outside programs some end-to-end checks need: python3 with nbformat, and headless Chromium.
///
/// A check whose program is missing is skipped, with the reason shown, on a developer's
/// machine; with `NASLAB_REQUIRE_EXTERNAL=1` (set by scripts/test, so in CI) it runs and fails.
enum ExternalTools {
    /// Whether outside programs must be present (CI), so that a missing one fails instead of skipping.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["NASLAB_REQUIRE_EXTERNAL"] == "1" }

    /// Chromium from Debian's package (`apt-get install chromium`), if installed.
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether python3 can import nbformat.
    static let hasNbformat: Bool = (try? python("import nbformat").status) == 0

    /// Whether checks that need nbformat run: it is installed, or CI requires it.
    static var runsNbformatChecks: Bool { hasNbformat || isRequired }

    /// Whether checks that need Chromium run: it is installed, or CI requires it.
    static var runsChromiumChecks: Bool { chromium != nil || isRequired }

    /// What a finished program left behind.
    struct Result {
        /// Its exit status.
        var status: Int32
        /// Its stdout and stderr, together.
        var output: String
    }

    /// Runs `python3 -c code arguments…`.
    static func python(_ code: String, _ arguments: [String] = [], timeout: TimeInterval = 120) throws -> Result {
        try run("/usr/bin/env", ["python3", "-c", code] + arguments, timeout: timeout)
    }

    /// Runs a program to its end, killing it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    timeout: TimeInterval = 120) throws -> Result {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-tool-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: log) }
        try Data().write(to: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        try? handle.close()
        return Result(status: process.terminationStatus, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
