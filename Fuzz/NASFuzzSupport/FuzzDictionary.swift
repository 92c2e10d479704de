import NASLanguage

/// The libFuzzer dictionary (`-dict=`) of the language: tokens a byte mutation would rarely invent.
///
/// Built from the registry and the lexer's own tables, so that a new builtin, parameter, keyword,
/// unit or verb reaches the fuzzer without anyone editing a list: every builtin's name and
/// `name(`, every parameter's `name: `, the quoted words of the parameters' help (`"cifar10"`),
/// the keywords, the units (alone and after a number), the operators and the pipeline verbs.
public enum FuzzDictionary {
    /// The operators and punctuation of the lexer.
    static let operators = ["+", "-", "*", "/", "**", "=", "==", "!=", "<", "<=", ">", ">=", "..", "..<",
                            "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "?", "|", "#", "\n"]

    /// Fragments of statements that take several tokens to write.
    static let fragments = ["fn(x) { ", "fn(a, b) { return ", "for i in ", "while ", "if ", " else ", "x = ",
                            "\"\"", "1e9", "-1", "0.5", "1e308", "nan", "[]", "{}", "none"]

    /// Every entry, without duplicates, in a stable order.
    public static func entries(for registry: BuiltinRegistry) -> [String] {
        var seen = Set<String>()
        return (languageEntries() + registry.all.flatMap(builtinEntries)).filter { seen.insert($0).inserted }
    }

    /// The entries for one builtin: its name, `name(`, `keyword: ` per parameter and quoted words of the help.
    public static func builtinEntries(_ builtin: Builtin) -> [String] {
        var entries = [builtin.name, builtin.name + "("]
        for parameter in builtin.parameters {
            entries.append(parameter.name + ": ")
            entries += ArgumentSamples.quotedWords(in: parameter.help)
        }
        return entries
    }

    /// The entries that come from the lexer and parser rather than the registry.
    static func languageEntries() -> [String] {
        let keywords = TokenKind.keywords.keys.sorted()
        let units = UnitSuffix.documented.flatMap { [$0, "1" + $0] }
        let verbs = VerbKind.names.map { "| " + $0 + " " } + ["desc", "asc", "max", "min", "by", "on"]
        return keywords + units + operators + verbs + fragments
    }

    /// The dictionary file's text: one `"entry"` a line, with `\\`, `\"` and non-ASCII bytes escaped.
    public static func fileText(for registry: BuiltinRegistry) -> String {
        entries(for: registry).map(quoted).joined(separator: "\n") + "\n"
    }

    /// One entry in libFuzzer's dictionary syntax.
    public static func quoted(_ entry: String) -> String {
        var text = "\""
        for byte in entry.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): text += "\\\\"
            case UInt8(ascii: "\""): text += "\\\""
            case 0x20..<0x7f: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return text + "\""
    }
}
