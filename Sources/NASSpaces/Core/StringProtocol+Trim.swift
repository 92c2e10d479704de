/// Fast trimming for the parsers (Foundation's `CharacterSet` trimming is slow on Linux).
extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    func trimmed() -> String { trimmed { $0.isWhitespace } }

    /// The text without leading and trailing characters for which `strip` is true.
    func trimmed(_ strip: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !strip($0) }), let last = lastIndex(where: { !strip($0) }) else { return "" }
        return String(self[first...last])
    }
}
