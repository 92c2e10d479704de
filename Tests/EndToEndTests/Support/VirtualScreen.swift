/// What a terminal would show after the bytes a program wrote: a small VT100 model, enough for
/// the REPL's line editor and progress bar (text, CR, LF, backspace, cursor moves, erases).
///
/// Rows grow without bound instead of scrolling, so the last row written is still the last row.
struct VirtualScreen {
    private(set) var rows: [[Character]] = [[]]
    private(set) var row = 0
    private(set) var column = 0

    /// The screen after `output`, written from a blank screen.
    init(_ output: String) {
        // Scalar by scalar: as one Character, "\r\n" would be neither a return nor a line feed.
        var characters = output.unicodeScalars.map(Character.init)[...]
        while let character = characters.popFirst() {
            if character == "\u{1B}" {
                escape(&characters)
            } else {
                apply(character)
            }
        }
    }

    /// The row the cursor is on, without trailing spaces.
    var cursorLine: String { line(row) }

    /// Every row, without trailing spaces.
    var lines: [String] { rows.indices.map(line) }

    /// Row `index`, without trailing spaces.
    func line(_ index: Int) -> String {
        var text = String(rows[index])
        while text.last == " " { text.removeLast() }
        return text
    }

    private mutating func apply(_ character: Character) {
        switch character {
        case "\r": column = 0
        case "\n": moveTo(row: row + 1)
        case "\u{8}": column = max(0, column - 1)
        case "\t": column = (column / 8 + 1) * 8
        case "\u{7}", "\u{1}", "\u{2}": break
        default: put(character)
        }
    }

    private mutating func put(_ character: Character) {
        while rows[row].count < column { rows[row].append(" ") }
        if column < rows[row].count { rows[row][column] = character } else { rows[row].append(character) }
        column += 1
    }

    private mutating func moveTo(row target: Int) {
        row = max(0, target)
        while rows.count <= row { rows.append([]) }
    }

    /// Reads one escape sequence after ESC: CSI (`ESC [ params final`), OSC (`ESC ] … BEL`) or a
    /// two-character one, and applies the CSI ones that move the cursor or erase.
    private mutating func escape(_ characters: inout ArraySlice<Character>) {
        guard let kind = characters.popFirst() else { return }
        if kind == "]" {
            while let next = characters.popFirst(), next != "\u{7}", next != "\u{1B}" {}
            return
        }
        if kind == "(" || kind == ")" { _ = characters.popFirst(); return }
        guard kind == "[" else { return }
        var parameters = ""
        while let next = characters.popFirst() {
            if next.isLetter || next == "@" || next == "~" {
                control(next, parameters: parameters)
                return
            }
            parameters.append(next)
        }
    }

    private mutating func control(_ final: Character, parameters: String) {
        let numbers = parameters.split(separator: ";").map { Int($0.filter(\.isNumber)) ?? 0 }
        let n = max(1, numbers.first ?? 1)
        switch final {
        case "A": moveTo(row: row - n)
        case "B": moveTo(row: row + n)
        case "C": column += n
        case "D": column = max(0, column - n)
        case "G": column = n - 1
        case "K": eraseInLine(numbers.first ?? 0)
        case "J": eraseBelow()
        case "P": deleteCharacters(n)
        default: break
        }
    }

    private mutating func eraseInLine(_ mode: Int) {
        switch mode {
        case 1: for index in 0..<min(column + 1, rows[row].count) { rows[row][index] = " " }
        case 2: rows[row] = []
        default: if column < rows[row].count { rows[row].removeSubrange(column...) }
        }
    }

    private mutating func eraseBelow() {
        eraseInLine(0)
        rows.removeSubrange((row + 1)...)
    }

    private mutating func deleteCharacters(_ n: Int) {
        guard column < rows[row].count else { return }
        rows[row].removeSubrange(column..<min(rows[row].count, column + n))
    }
}
