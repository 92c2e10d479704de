extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (cheap when there are none).
    var trimmingBlanks: String {
        let isBlank = { (c: Character) in c == " " || c == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
