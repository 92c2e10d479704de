extension String {
    /// The text's lines wrapped at spaces to at most `width` characters (a longer word keeps a
    /// line of its own); each line of the text wraps on its own, so blank lines stay.
    public func wrappedLines(width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(line)
        }
        return lines
    }
}
