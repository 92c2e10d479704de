/// A file name and the text run under it, so a diagnostic can quote a line of source that is no
/// longer being run (a function's body, defined in an earlier REPL cell or `--keep-going` statement).
struct SourceOrigin {
    /// The name diagnostics use: a path, `<stdin>`, `<cell 3>`.
    var file: String
    /// The whole text that was run.
    var source: String

    /// Line `number` (from 1) of the source, without its line break; nil past the end.
    func line(_ number: Int) -> String? {
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        var text = String(decoding: lines[number - 1], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
