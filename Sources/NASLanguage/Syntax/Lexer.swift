import NASCore

/// Turns source text into tokens, reporting bad characters, numbers and strings as diagnostics.
///
/// Line breaks are tokens, except inside `(…)` and `[…]`, where expressions may span lines.
/// Comments run from `#` to the end of the line.
public struct Lexer {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var brackets: [TokenKind] = []
    private var sawLineBreak = true

    /// The tokens, ending with `.eof`.
    public private(set) var tokens: [Token] = []
    /// Problems found while lexing.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Brackets still open at the end of the input, innermost last.
    public var openBrackets: [TokenKind] { brackets }
    /// Whether the input ends inside a string literal.
    public private(set) var endsInsideString = false

    /// Lexes `source` completely.
    public init(_ source: String, file: String = "<input>") {
        self.bytes = Array(source.utf8)
        self.file = file
        tokens.reserveCapacity(bytes.count / 3 + 16)
        run()
    }

    private mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // a byte order mark some editors write
        while position < bytes.count {
            let c = bytes[position]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            case UInt8(ascii: "\n"): newline()
            case UInt8(ascii: "#"): skipComment()
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number()
            case UInt8(ascii: "\""), UInt8(ascii: "'"): string(quote: c)
            default:
                if identifierScalarLength(first: true) != nil { identifier() } else { symbol(c) }
            }
        }
        add(.eof, from: position, text: "")
    }

    // MARK: - Pieces

    private mutating func newline() {
        let inside = brackets.last == .leftParen || brackets.last == .leftBracket
        if !inside, let last = tokens.last?.kind, last != .newline { add(.newline, from: position, text: "\n") }
        position += 1
        line += 1
        lineStart = position
        sawLineBreak = true
    }

    private mutating func skipComment() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }

    private mutating func number() {
        let start = position
        var digits: [UInt8] = []
        scanDigits(into: &digits)
        if peek(0) == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
            digits.append(UInt8(ascii: ".")); position += 1
            scanDigits(into: &digits)
        }
        if peek(0) == UInt8(ascii: "e") || peek(0) == UInt8(ascii: "E"), exponentFollows() {
            digits.append(UInt8(ascii: "e")); position += 1
            if let sign = peek(0), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                digits.append(sign); position += 1
            }
            scanDigits(into: &digits)
        }
        let suffixStart = position
        if peek(0) == UInt8(ascii: "%") { position += 1 } else {
            while let length = identifierScalarLength(first: false) { position += length }
        }
        let suffix = suffixStart == position ? "" : text(from: suffixStart)
        let spelling = String(decoding: digits, as: UTF8.self)
        let value = Double(spelling) ?? .nan
        if let quantity = UnitSuffix.quantity(value, suffix: suffix), !quantity.value.isFinite {
            error("the number \(Self.abbreviated(text(from: start))) is too large: it is beyond \(NumberLimits.largestText), the largest number",
                  from: start)
            add(.number, from: start, text: text(from: start), number: Quantity(0))
            return
        }
        guard let quantity = UnitSuffix.quantity(value, suffix: suffix) else {
            let hint = Spelling.didYouMean(suffix, among: UnitSuffix.documented)
            error("unknown unit '\(suffix)' after \(spelling)\(hint) (units: \(UnitSuffix.documented.joined(separator: " ")))",
                  from: suffixStart)
            add(.number, from: start, text: text(from: start), number: Quantity(value))
            return
        }
        add(.number, from: start, text: text(from: start), number: quantity)
    }

    private func exponentFollows() -> Bool {
        guard let next = peek(1) else { return false }
        if Self.isDigit(next) { return true }
        if next == UInt8(ascii: "+") || next == UInt8(ascii: "-"), let after = peek(2) { return Self.isDigit(after) }
        return false
    }

    private mutating func scanDigits(into digits: inout [UInt8]) {
        while let b = peek(0), Self.isDigit(b) || b == UInt8(ascii: "_") {
            if b != UInt8(ascii: "_") { digits.append(b) }
            position += 1
        }
    }

    private mutating func string(quote: UInt8) {
        let start = position, startLine = line, startColumn = position - lineStart + 1
        position += 1
        var out: [UInt8] = []
        while position < bytes.count, bytes[position] != quote {
            let b = bytes[position]
            if b == UInt8(ascii: "\\"), position + 1 < bytes.count {
                out.append(contentsOf: escape(bytes[position + 1]))
                position += 2
                continue
            }
            if b == UInt8(ascii: "\n") { line += 1; lineStart = position + 1 }
            out.append(b)
            position += 1
        }
        let range = SourceRange(start: start, end: position, line: startLine, column: startColumn)
        if position >= bytes.count {
            endsInsideString = true
            diagnostics.append(Diagnostic(message: "unterminated string: add the closing \(quote == UInt8(ascii: "'") ? "'" : "\"")",
                                          file: file, range: SourceRange(start: start, end: start + 1, line: startLine, column: startColumn)))
        } else {
            position += 1
        }
        var token = Token(kind: .string, range: SourceRange(start: start, end: position, line: startLine, column: range.column),
                          text: String(decoding: out, as: UTF8.self))
        token.startsLine = sawLineBreak
        sawLineBreak = false
        tokens.append(token)
    }

    private mutating func escape(_ b: UInt8) -> [UInt8] {
        switch b {
        case UInt8(ascii: "n"): return [10]
        case UInt8(ascii: "t"): return [9]
        case UInt8(ascii: "r"): return [13]
        case UInt8(ascii: "0"): return [0]
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): return [b]
        default:
            error("unknown escape '\\\(Character(UnicodeScalar(b)))' (use \\n \\t \\r \\0 \\\\ \\\" or \\')", from: position, length: 2)
            return [b]
        }
    }

    private mutating func identifier() {
        let start = position
        while true {
            if let length = identifierScalarLength(first: position == start) {
                position += length
            } else if !skipInvisibleCharacterInName() {
                break
            }
        }
        let name = text(from: start)
        add(TokenKind.keywords[name] ?? .identifier, from: start, text: name)
    }

    private mutating func symbol(_ c: UInt8) {
        let start = position
        let two = peek(1)
        func take(_ kind: TokenKind, _ length: Int) {
            position += length
            add(kind, from: start, text: kind.rawValue)
        }
        switch Character(UnicodeScalar(c)) {
        case "(": open(.leftParen)
        case "[": open(.leftBracket)
        case "{": open(.leftBrace)
        case ")": close(.rightParen, matching: .leftParen)
        case "]": close(.rightBracket, matching: .leftBracket)
        case "}": close(.rightBrace, matching: .leftBrace)
        case ",": take(.comma, 1)
        case ":": take(.colon, 1)
        case ";": take(.semicolon, 1)
        case "?": take(.question, 1)
        case "+": take(.plus, 1)
        case "-": take(.minus, 1)
        case "/": take(.slash, 1)
        case "*": two == UInt8(ascii: "*") ? take(.starStar, 2) : take(.star, 1)
        case "=": two == UInt8(ascii: "=") ? take(.equal, 2) : take(.assign, 1)
        case "<": two == UInt8(ascii: "=") ? take(.lessEqual, 2) : take(.less, 1)
        case ">": two == UInt8(ascii: "=") ? take(.greaterEqual, 2) : take(.greater, 1)
        case ".":
            if two == UInt8(ascii: ".") {
                peek(2) == UInt8(ascii: "<") ? take(.dotDotLess, 3) : take(.dotDot, 2)
            } else { take(.dot, 1) }
        case "|":
            if two == UInt8(ascii: "|") { misspelt("||", "or", length: 2); take(.kwOr, 0); position += 2 } else { take(.pipe, 1) }
        case "&":
            misspelt(two == UInt8(ascii: "&") ? "&&" : "&", "and", length: two == UInt8(ascii: "&") ? 2 : 1)
            let length = two == UInt8(ascii: "&") ? 2 : 1
            take(.kwAnd, 0); position += length
        case "!":
            if two == UInt8(ascii: "=") { take(.notEqual, 2) } else { misspelt("!", "not", length: 1); take(.kwNot, 0); position += 1 }
        default:
            unexpectedCharacter()
        }
    }

    /// Reports an invisible character (such as U+200B) between the characters of a name and skips it,
    /// so the name reads on and only this one error is reported; false when there is none.
    private mutating func skipInvisibleCharacterInName() -> Bool {
        guard let b = peek(0), b >= 0x80 else { return false }
        let (scalar, length) = scalar(at: position)
        guard let scalar, VisibleText.isInvisible(scalar), position + length < bytes.count else { return false }
        let saved = position
        position += length
        guard identifierScalarLength(first: false) != nil else { position = saved; return false }
        error("a name cannot contain the invisible character \(VisibleText.describe(scalar)); delete it", from: saved, length: length)
        return true
    }

    /// Reports the character at `position` and skips it: an invisible one by its code point and name.
    private mutating func unexpectedCharacter() {
        let (scalar, length) = scalar(at: position)
        if let scalar, VisibleText.isInvisible(scalar) {
            let kind = scalar.properties.generalCategory == .control ? "control" : "invisible"
            error("unexpected \(kind) character \(VisibleText.describe(scalar)); delete it (names and code may hold only visible characters)",
                  from: position, length: length)
        } else {
            let bad = String(decoding: bytes[position..<min(bytes.count, position + length)], as: UTF8.self)
            error("unexpected character '\(bad)'", from: position, length: length)
        }
        position += length
    }

    private mutating func misspelt(_ spelling: String, _ word: String, length: Int) {
        error("'\(spelling)' is not an operator in naslab; write '\(word)'", from: position, length: length)
    }

    private mutating func open(_ kind: TokenKind) {
        brackets.append(kind)
        position += 1
        add(kind, from: position - 1, text: kind.rawValue)
    }

    private mutating func close(_ kind: TokenKind, matching: TokenKind) {
        if let i = brackets.lastIndex(of: matching) { brackets.removeSubrange(i...) }
        position += 1
        add(kind, from: position - 1, text: kind.rawValue)
    }

    // MARK: - Helpers

    private func peek(_ offset: Int) -> UInt8? {
        let i = position + offset
        return i < bytes.count ? bytes[i] : nil
    }

    private func text(from start: Int) -> String {
        String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func add(_ kind: TokenKind, from start: Int, text: String, number: Quantity? = nil) {
        let range = SourceRange(start: start, end: max(start, position), line: line, column: start - lineStart + 1)
        tokens.append(Token(kind: kind, range: range, text: text, number: number, startsLine: sawLineBreak))
        if kind != .newline { sawLineBreak = false }
    }

    private mutating func error(_ message: String, from start: Int, length: Int? = nil) {
        let end = length.map { start + $0 } ?? max(position, start + 1)
        diagnostics.append(Diagnostic(message: message, file: file,
                                      range: SourceRange(start: start, end: end, line: line, column: start - lineStart + 1)))
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_")
    }

    /// Whether `text` is one name, as the lexer would read it.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isNameCharacter(first, first: true) else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy { isNameCharacter($0, first: false) }
    }

    /// Whether a character may be part of a name (the first character when `first`). Beyond ASCII,
    /// names follow Unicode's identifier rules (XID_Start, XID_Continue), so invisible characters
    /// such as U+200B are not part of a name.
    static func isNameCharacter(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        if scalar.isASCII {
            let b = UInt8(scalar.value)
            return isIdentifierStart(b) || (!first && isDigit(b))
        }
        guard !VisibleText.isInvisible(scalar) else { return false }  // Unicode 15.1 lets U+200C/U+200D continue names
        return first ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
    }

    /// The length in bytes of the character at `position` when it may be part of a name (the first
    /// character when `first`), else nil.
    private func identifierScalarLength(first: Bool) -> Int? {
        guard let b = peek(0) else { return nil }
        if b < 0x80 { return Self.isIdentifierStart(b) || (!first && Self.isDigit(b)) ? 1 : nil }
        let (scalar, length) = scalar(at: position)
        guard let scalar, Self.isNameCharacter(scalar, first: first) else { return nil }
        return length
    }

    /// The Unicode character starting at byte `i` and its length in bytes (nil for broken UTF-8).
    private func scalar(at i: Int) -> (Unicode.Scalar?, Int) {
        let length = min(Self.scalarLength(bytes[i]), bytes.count - i)
        var decoder = UTF8()
        var iterator = bytes[i..<(i + length)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return (nil, length)
    }

    /// A literal as messages quote it: long ones cut in the middle, with their length.
    static func abbreviated(_ literal: String) -> String {
        guard literal.count > 24 else { return literal }
        return "\(literal.prefix(10))…\(literal.suffix(10)) (\(literal.count) characters)"
    }

    static func scalarLength(_ b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b >= 0xF0 { return 4 }
        if b >= 0xE0 { return 3 }
        if b >= 0xC0 { return 2 }
        return 1
    }
}
