/// The REPL's prompts, in the IPython style: `In [n]: `, `   ...: ` and `Out[n]: `.
public struct Prompt: Sendable {
    /// The colours to draw them in.
    public let style: Style

    /// Creates prompts drawn in `style`.
    public init(style: Style) {
        self.style = style
    }

    /// The plain input prompt for cell `n`, such as `In [3]: `.
    public static func inputText(_ n: Int) -> String { "In [\(n)]: " }

    /// The plain continuation prompt for cell `n`, right-aligned under the input prompt's colon.
    public static func continuationText(_ n: Int) -> String {
        let width = inputText(n).count
        return String(repeating: " ", count: max(0, width - 5)) + "...: "
    }

    /// The plain output prompt for cell `n`, such as `Out[3]: `.
    public static func outputText(_ n: Int) -> String { "Out[\(n)]: " }

    /// The input prompt as given to the line editor: colour escapes are wrapped in the
    /// editor's "ignore" markers (`\u{1}` … `\u{2}`) so the cursor column stays right. The
    /// trailing space stays outside them: libedit drops an ignored run at the very end.
    public func forEditor(_ text: String) -> String {
        guard style.enabled else { return text }
        let body = text.hasSuffix(" ") ? String(text.dropLast()) : text
        let tail = text.hasSuffix(" ") ? " " : ""
        return "\u{1}\u{1B}[32m\u{2}" + body + "\u{1}\u{1B}[0m\u{2}" + tail
    }

    /// A cell's value shown below its input: on the prompt's line when it is one line,
    /// below the prompt when it spans several.
    public func output(_ n: Int, value: String) -> String {
        let text = value.trimmingTrailingNewlines()
        guard text.contains("\n") else { return style.red(Self.outputText(n)) + text + "\n" }
        return style.red(String(Self.outputText(n).dropLast())) + "\n" + text + "\n"
    }
}
