import Foundation

/// Runs python3 snippets for checks against outside references (nbformat's schema).
///
/// A check whose package is missing is skipped, with the reason shown, on a developer's
/// machine; with `NASLAB_REQUIRE_EXTERNAL=1` (set by scripts/test, so in CI) it runs and fails.
enum ExternalPython {
    /// Whether outside programs must be present (CI), so that a missing one fails instead of skipping.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["NASLAB_REQUIRE_EXTERNAL"] == "1" }

    /// Whether python3 can import nbformat.
    static let hasNbformat: Bool = (try? run("import nbformat").status) == 0

    /// Whether checks that need nbformat run: it is installed, or CI requires it.
    static var runsNbformatChecks: Bool { hasNbformat || isRequired }

    /// Runs `python3 -c code arguments…`; returns its exit status and what it wrote to stdout and stderr.
    static func run(_ code: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Validates an .ipynb file against nbformat's JSON schema; returns "4 5 N" (format, minor, cells).
    static func validateNotebook(at path: String) throws -> (status: Int32, output: String) {
        try run("""
        import sys, nbformat
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        print(nb.nbformat, nb.nbformat_minor, len(nb.cells))
        """, [path])
    }
}
