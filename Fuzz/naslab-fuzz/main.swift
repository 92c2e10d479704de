import Foundation
import NASEngine
import NASLanguage

/// libFuzzer entry point: lexes, parses and runs arbitrary bytes as a naslab script.
///
/// Every input must end in a value or a diagnostic. `sleep` is removed (it would only wait)
/// and a step limit bounds loops and recursion. Built by `scripts/fuzz`.
@_cdecl("LLVMFuzzerTestOneInput")
public func naslabFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let registry = BuiltinRegistry.standard()
    registry.remove("sleep")
    let session = Session(workspace: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("naslab-fuzz/.naslab"))
    let interpreter = Interpreter(session: session, registry: registry) { _ in }
    interpreter.stepLimit = 5_000
    _ = Interpreter.isComplete(source)
    _ = interpreter.completions(for: source, cursor: size / 2)
    let result = interpreter.execute(source, file: "fuzz.nas", mode: size % 2 == 0 ? .script : .cell)
    let rendered = result.renderDiagnostics(color: size % 3 == 0)
    if result.outcome != .ok && rendered.isEmpty { fatalError("an error outcome without a diagnostic") }
    return 0
}

/// libFuzzer's driver, called from this executable's own `main` (SwiftPM supplies `main`,
/// so libFuzzer's is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

var argumentCount = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &argumentVector, naslabFuzzOneInput))
