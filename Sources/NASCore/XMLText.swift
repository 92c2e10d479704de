/// Text made safe for XML, HTML and SVG documents.
extension String {
    /// The text with `&`, `<`, `>` and `"` written as entities, for element content and
    /// double-quoted attribute values alike.
    public var xmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
