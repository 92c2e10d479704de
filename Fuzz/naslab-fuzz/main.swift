import Foundation
import NASFuzzSupport

/// libFuzzer entry point for the naslab language, and the generator of its dictionary and seeds.
///
///     naslab-fuzz --write-dict FILE        writes the -dict= file generated from the registry
///     naslab-fuzz --write-seeds FOLDER     writes the generated seed scripts (one call per builtin, …)
///     naslab-fuzz [libFuzzer options] CORPUS…
///
/// Paths given to libFuzzer must be absolute: inputs run in a scratch folder (the current
/// directory), so that the file names the sandbox lets through land there.
///
/// Inputs run through one `FuzzHarness` (one registry, a session replaced only when an input
/// dirtied it), each under a step limit and a time budget (`NASLAB_FUZZ_BUDGET_MS`, default 50),
/// in a scratch folder under `NASLAB_FUZZ_ROOT` (default /dev/shm or the temp folder). Inputs slower
/// than `NASLAB_FUZZ_KEEP_MS` (default 20) are run but not kept in the corpus, except the first
/// `NASLAB_FUZZ_SEEDS` (the seed files, which scripts/fuzz counts). `NASLAB_FUZZ_STATS=1` prints how
/// the inputs' running times spread at exit.
/// Built by `scripts/fuzz` with `-sanitize=fuzzer`.
nonisolated(unsafe) var harness: FuzzHarness?
/// Inputs slower than this many seconds are not added to the corpus (libFuzzer's -1), so that
/// mutation dwells on inputs that run fast; they still run and can still crash.
nonisolated(unsafe) var keepLimit = 0.02
/// How many inputs are kept whatever their speed: the seeds libFuzzer reads first (`NASLAB_FUZZ_SEEDS`),
/// so that the slow scenarios and golden scripts still give their coverage to mutate from.
nonisolated(unsafe) var seedCount = 0

@_cdecl("LLVMFuzzerTestOneInput")
public func naslabFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let harness else { return 0 }
    harness.run(source, variant: size)
    return harness.inputs > seedCount && harness.lastSeconds > keepLimit ? -1 : 0
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
    if let text = ProcessInfo.processInfo.environment["NASLAB_FUZZ_BUDGET_MS"], let ms = Double(text) {
        made.timeBudget = ms / 1000
    }
    if let text = ProcessInfo.processInfo.environment["NASLAB_FUZZ_KEEP_MS"], let ms = Double(text) { keepLimit = ms / 1000 }
    if let text = ProcessInfo.processInfo.environment["NASLAB_FUZZ_SEEDS"], let count = Int(text) { seedCount = count }
    harness = made
    if ProcessInfo.processInfo.environment["NASLAB_FUZZ_STATS"] == "1" {
        atexit {
            guard let harness else { return }
            let text = "naslab-fuzz: \(harness.inputs) inputs, \(harness.interruptions) interrupted by the time budget\n\(harness.times.report)\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
} catch {
    FileHandle.standardError.write(Data("naslab-fuzz: \(error)\n".utf8))
    exit(1)
}
var argumentCount = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &argumentVector, naslabFuzzOneInput))
