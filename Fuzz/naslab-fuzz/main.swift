import Foundation
import NASFuzzSupport

// libFuzzer entry point for the naslab language, and the generator of its dictionary and seeds.
//
//     naslab-fuzz --write-dict FILE        writes the -dict= file generated from the registry
//     naslab-fuzz --write-seeds FOLDER     writes the generated seed scripts (one call per builtin, …)
//     naslab-fuzz [libFuzzer options] CORPUS…
//
// Paths given to libFuzzer must be absolute: inputs run in a scratch folder (the current
// directory), so that the file names the sandbox lets through land there.
//
// Inputs run through one `FuzzHarness` (one registry, a session replaced only when an input
// dirtied it), each under a step limit and a time budget (`NASLAB_FUZZ_BUDGET_MS`, default 50),
// in a scratch folder under `NASLAB_FUZZ_ROOT` (default /dev/shm or the temp folder). Inputs slower
// than `NASLAB_FUZZ_KEEP_MS` (default 20) are run but not kept in the corpus, except the first
// `NASLAB_FUZZ_SEEDS` (the seed files, which scripts/fuzz counts), which run under
// `NASLAB_FUZZ_SEED_BUDGET_MS` (default: the input budget). `NASLAB_FUZZ_STATS=1` prints at exit
// how the inputs ended and how their running times spread.
// Built by `scripts/fuzz` with `-sanitize=fuzzer`.

/// The harness every input runs through, made once before libFuzzer starts.
nonisolated(unsafe) var harness: FuzzHarness?

@_cdecl("LLVMFuzzerTestOneInput")
public func naslabFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let harness else { return 0 }
    harness.run(source, variant: size)
    return harness.keepsLast ? 0 : -1
}

/// libFuzzer's driver, called from this executable's own `main` (SwiftPM supplies `main`,
/// so libFuzzer's is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// Handles `--write-dict` and `--write-seeds`; returns false when neither was asked for.
func writeGeneratedFiles(_ arguments: [String]) throws -> Bool {
    guard arguments.count == 3, ["--write-dict", "--write-seeds"].contains(arguments[1]) else { return false }
    if arguments[1] == "--write-dict" {
        try FuzzFiles.writeDictionary(to: arguments[2])
    } else {
        let count = try FuzzFiles.writeSeeds(to: arguments[2])
        print("naslab-fuzz: wrote \(count) seeds to \(arguments[2])")
    }
    return true
}

/// The first path argument of libFuzzer that is relative, if any (corpus folders, -dict=, -artifact_prefix=, …).
func relativePath(in arguments: [String]) -> String? {
    let pathOptions = ["-dict=", "-artifact_prefix=", "-exact_artifact_path=", "-seed_inputs="]
    for argument in arguments.dropFirst() {
        let path = argument.hasPrefix("-") ? pathOptions.first(where: argument.hasPrefix).map { String(argument.dropFirst($0.count)) } : argument
        if let path, !path.isEmpty, !path.hasPrefix("/") { return argument }
    }
    return nil
}

do {
    if try writeGeneratedFiles(CommandLine.arguments) { exit(0) }
    if let relative = relativePath(in: CommandLine.arguments) {
        FileHandle.standardError.write(Data("naslab-fuzz: give absolute paths (inputs run in a scratch folder): \(relative)\n".utf8))
        exit(2)
    }
    let root = ProcessInfo.processInfo.environment["NASLAB_FUZZ_ROOT"].map { URL(fileURLWithPath: $0, isDirectory: true) }
    let made = try FuzzHarness(root: root ?? FuzzHarness.defaultRoot)
    made.configure(from: ProcessInfo.processInfo.environment)
    harness = made
    atexit {
        guard let harness else { return }
        if ProcessInfo.processInfo.environment["NASLAB_FUZZ_STATS"] == "1" {
            FileHandle.standardError.write(Data("naslab-fuzz: \(harness.report)\n".utf8))
        }
        try? FileManager.default.removeItem(at: harness.scratch)
    }
} catch {
    FileHandle.standardError.write(Data("naslab-fuzz: \(error)\n".utf8))
    exit(1)
}
var argumentCount = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &argumentVector, naslabFuzzOneInput))
