import Testing
@testable import NASLanguage

/// Control and invisible characters in a script: named in errors, shown in quoted lines, never
/// part of a name, never cutting a message off.
@Suite("Invisible characters")
struct InvisibleCharacterTests {
    private func rendered(_ source: String) -> String {
        Harness().run(source).result.renderDiagnostics(color: false)
    }

    @Test("a NUL byte is named, and the quoted line shows it as ␀ with the caret under it")
    func nulByte() {
        let text = rendered("x = 1 +\u{0} 2\n")
        #expect(text == """
            test.nas:1:8: error: unexpected control character U+0000 (NUL); delete it (names and code may hold only visible characters)
                x = 1 +\u{2400} 2
                       ^
            """)
        #expect(!text.contains("\u{0}"))
    }

    @Test("zero-width and other invisible characters end a name with an error naming them", arguments: [
        ("\u{200B}", "U+200B (ZERO WIDTH SPACE)"), ("\u{200D}", "U+200D (ZERO WIDTH JOINER)"),
        ("\u{2060}", "U+2060 (WORD JOINER)"), ("\u{00A0}", "U+00A0 (NO-BREAK SPACE)"), ("\u{FEFF}", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
    ])
    func invisibleInName(character: String, name: String) {
        let lexer = Lexer("nb\(character)201 = 1")
        #expect(lexer.diagnostics.count == 1)
        #expect(lexer.diagnostics.first?.message == "a name cannot contain the invisible character \(name); delete it")
        #expect(lexer.diagnostics.first?.range?.column == 3)
    }

    @Test("an invisible character between tokens is named too; a leading byte order mark is skipped")
    func betweenTokens() {
        #expect(rendered("x =\u{200B} 1").contains("unexpected invisible character U+200B (ZERO WIDTH SPACE)"))
        #expect(rendered("\u{FEFF}x = 1\nassert x == 1").isEmpty)
    }

    @Test("letters of other scripts still make names")
    func unicodeLetters() {
        let h = Harness()
        #expect(h.value("α = 2; größe = 3; α * größe") == "6")
        #expect(Lexer.isName("größe") && !Lexer.isName("a\u{200B}b") && !Lexer.isName("1a"))
    }

    @Test("a control character inside a string literal is escaped or named in messages")
    func inStrings() {
        #expect(rendered("x = \"a\\0b\" + 1 - 1").contains("\"a\\0b1\""))
        #expect(!rendered("{a: 1}[\"k\\0\"]").contains("\u{0}"))
    }
}
