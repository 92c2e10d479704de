/// One thing a cell showed below its input, in the order it showed them.
///
/// The REPL, the headless runner and every exporter share this model: the plain text of each
/// output is what the terminal showed, and a value may carry a table or a plot besides, which
/// rich formats (HTML, Jupyter) show as a table or an inline SVG.
public enum NotebookOutput: Sendable, Equatable, Codable {
    /// Text the cell printed while it ran (`print`, help pages), newlines included.
    case stream(String)
    /// A value the cell showed (`Out[n]`, or a script's autoprint).
    case value(DisplayedValue)
    /// An error, a failed assertion or an interrupt, as plain diagnostics text.
    case error(String)

    /// The output as the terminal showed it, without colour.
    public var plainText: String {
        switch self {
        case .stream(let text), .error(let text): return text
        case .value(let value): return value.text
        }
    }
}
