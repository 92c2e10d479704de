import NASCore
import Testing
@testable import NASLanguage

@Suite("Lexer")
struct LexerTests {
    private func kinds(_ source: String) -> [TokenKind] { Lexer(source).tokens.map(\.kind) }
    private func number(_ source: String) -> Quantity? { Lexer(source).tokens.first?.number }

    @Test("unit suffixes give base units, dimension and display hint")
    func unitSuffixes() {
        #expect(number("20ms") == Quantity(0.02, .time))
        #expect(number("250us") == Quantity(250e-6, .time))
        #expect(abs(number("3ns")!.value - 3e-9) < 1e-20 && number("3ns")!.dimension == .time)
        #expect(number("2min") == Quantity(120, .time))
        #expect(number("64MB") == Quantity(64e6, .bytes))
        #expect(number("2KiB") == Quantity(2048, .bytes))
        #expect(number("1GiB") == Quantity(1_073_741_824, .bytes))
        #expect(number("10k") == Quantity(10_000, hint: .count))
        #expect(number("3.5M") == Quantity(3_500_000, hint: .count))
        #expect(number("5%") == Quantity(0.05, hint: .percent))
        #expect(number("1_000") == Quantity(1000))
        #expect(number("1.5e3") == Quantity(1500))
    }

    @Test("an unknown suffix is a diagnostic with a suggestion")
    func unknownSuffix() {
        let lexer = Lexer("5mss")
        #expect(lexer.diagnostics.count == 1)
        #expect(lexer.diagnostics.first?.message.contains("unknown unit 'mss'") == true)
        #expect(lexer.diagnostics.first?.message.contains("did you mean 'ms'?") == true)
    }

    @Test("ranges are not decimals")
    func ranges() {
        #expect(kinds("2..8") == [.number, .dotDot, .number, .eof])
        #expect(kinds("0..<n") == [.number, .dotDotLess, .identifier, .eof])
        #expect(kinds("1.5") == [.number, .eof])
    }

    @Test("line breaks are tokens except inside parentheses and brackets")
    func newlines() {
        #expect(kinds("a\nb") == [.identifier, .newline, .identifier, .eof])
        #expect(kinds("f(a,\nb)") == [.identifier, .leftParen, .identifier, .comma, .identifier, .rightParen, .eof])
        #expect(kinds("[1,\n2]") == [.leftBracket, .number, .comma, .number, .rightBracket, .eof])
        #expect(kinds("{\na\n}") == [.leftBrace, .newline, .identifier, .newline, .rightBrace, .eof])
        #expect(kinds("f(fn(x) {\na\nb\n})").filter { $0 == .newline }.count == 3)
    }

    @Test("comments are skipped, strings decode escapes and may span lines")
    func commentsAndStrings() {
        #expect(kinds("a # note\nb") == [.identifier, .newline, .identifier, .eof])
        let tokens = Lexer("\"a\\tb\\n\\\"c\\\"\" 'x\ny'").tokens
        #expect(tokens[0].text == "a\tb\n\"c\"")
        #expect(tokens[1].text == "x\ny")
        #expect(Lexer("\"open").endsInsideString)
    }

    @Test("keywords, operators and C-style operators with advice")
    func operators() {
        #expect(kinds("a <= b != c ** 2 | d") == [.identifier, .lessEqual, .identifier, .notEqual, .identifier, .starStar, .number, .pipe, .identifier, .eof])
        #expect(kinds("if x and not y") == [.kwIf, .identifier, .kwAnd, .kwNot, .identifier, .eof])
        let lexer = Lexer("a && b")
        #expect(lexer.diagnostics.first?.message == "'&&' is not an operator in naslab; write 'and'")
    }

    @Test("positions count lines and columns from 1")
    func positions() {
        let tokens = Lexer("x = 1\n  yy").tokens
        let yy = tokens.first { $0.text == "yy" }!
        #expect(yy.range.line == 2)
        #expect(yy.range.column == 3)
        #expect(yy.range.end - yy.range.start == 2)
    }
}
