import Foundation
import Testing

/// Runs `python3` for the tests that check exports with onnx, onnxruntime and PyTorch.
///
/// Where a module is missing, a test skips with a printed reason, except under
/// `NASLAB_REQUIRE_EXTERNAL=1` (CI, set by scripts/test), where it fails, so that CI cannot pass by skipping.
enum ExternalPython {
    /// The output of one run.
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `python3 -c program arguments…`.
    static func run(_ program: String, _ arguments: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = ReadBuffer(errors.fileHandleForReading)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      errors: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// Whether python3 can import every module; when not, records a failure under
    /// `NASLAB_REQUIRE_EXTERNAL=1` and prints why the test skips otherwise.
    static func available(_ modules: [String], for test: String) -> Bool {
        let check = "import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))"
        let missing = (try? run(check, modules)).map { $0.status == 0 ? $0.output.split(separator: " ").map(String.init) : modules }
            ?? ["python3"]
        let names = missing.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return true }
        let reason = "\(test): python3 lacks \(names.joined(separator: ", ")) (scripts/test installs them: python3 -m pip install torch onnx onnxruntime)"
        if ProcessInfo.processInfo.environment["NASLAB_REQUIRE_EXTERNAL"] == "1" {
            Issue.record("NASLAB_REQUIRE_EXTERNAL=1 but \(reason)")
        } else {
            print("skipped: \(reason)")
        }
        return false
    }
}

/// Reads a pipe to its end on another thread (so that a full stderr pipe cannot block the child).
final class ReadBuffer: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `handle`.
    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    /// Everything read, once the writer closed the pipe.
    func wait() -> Data {
        done.wait()
        return data
    }
}
