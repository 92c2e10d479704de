import NASLanguage

/// Where the cells of a session read earlier outputs through `_` (the last output) and `_n`
/// (the output of cell n), found with the language's own lexer.
struct OutputReferences {
    /// A `_` in a cell's input: its byte range and the number of the cell whose output it read.
    struct Underscore: Equatable {
        /// The byte range of the `_` token in the cell's input.
        var range: Range<Int>
        /// The cell whose output `_` stood for when the cell ran.
        var cell: Int
    }

    /// The numbers of the cells whose output a later cell reads.
    private(set) var read: Set<Int> = []
    /// The `_` tokens of each cell, by cell number.
    private(set) var underscores: [Int: [Underscore]] = [:]

    /// Finds the references in `cells`, the successful cells of a session in the order they ran.
    ///
    /// As in the REPL, `_` is the output of the latest earlier cell that showed one, and `_n`
    /// reads cell n only when that cell showed an output.
    init(cells: [NotebookCell]) {
        let shown = Set(cells.filter { $0.result != nil }.map(\.number))
        var latest: Int?
        for cell in cells {
            for token in Lexer(cell.input).tokens where token.kind == .identifier {
                if token.text == "_", let latest {
                    underscores[cell.number, default: []].append(Underscore(range: token.range.start..<token.range.end,
                                                                            cell: latest))
                    read.insert(latest)
                } else if let n = Self.outputNumber(token.text), n < cell.number, shown.contains(n) {
                    read.insert(n)
                }
            }
            if cell.result != nil { latest = cell.number }
        }
    }

    /// The cell number a name such as `_12` refers to, or nil for other names.
    static func outputNumber(_ name: String) -> Int? {
        guard name.first == "_", name.count > 1 else { return nil }
        let digits = name.dropFirst()
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// The script's name for the output of cell `n`.
    static func name(of n: Int) -> String { "_\(n)" }
}
