import Testing
@testable import NASLanguage

@Suite("Parser")
struct ParserTests {
    @Test("operator precedence: * before +, comparison before and, ** right-associative")
    func precedence() {
        let h = Harness()
        #expect(h.value("1 + 2 * 3") == "7")
        #expect(h.value("(1 + 2) * 3") == "9")
        #expect(h.value("2 ** 3 ** 2") == "512")
        #expect(h.value("-2 ** 2") == "-4")
        #expect(h.value("1 < 2 and 3 < 4 or false") == "true")
        #expect(h.value("not 1 > 2") == "true")
        #expect(h.value("10 - 4 - 3") == "3")
        #expect(h.value("8 / 4 / 2") == "1")
    }

    @Test("comparisons do not chain")
    func noChains() {
        let (_, diagnostics) = Parser.parse("1 < 2 < 3")
        #expect(diagnostics.first?.message.contains("comparisons do not chain") == true)
    }

    @Test("a line that starts with | continues the expression before it")
    func pipeContinuation() {
        let (statements, diagnostics) = Parser.parse("t\n  | take 1\n\n  | select a\nx = 1")
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 2)
        guard case .expression(let e) = statements[0].kind, case .pipe(let inner, _) = e.kind, case .pipe = inner.kind else {
            Issue.record("expected two pipe steps")
            return
        }
    }

    @Test("a trailing operator continues on the next line")
    func trailingOperator() {
        #expect(Harness().value("1 +\n 2") == "3")
    }

    @Test("several errors are reported, one per broken statement")
    func recovery() {
        let (_, diagnostics) = Parser.parse("a = )\nb = 2\nc = (1 +)\nd = 4\nif { }\n")
        #expect(diagnostics.count == 3)
        #expect(diagnostics.map { $0.range!.line } == [1, 3, 5])
    }

    @Test("deep nesting is an error, not a crash")
    func depthLimit() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        let (_, diagnostics) = Parser.parse(deep)
        #expect(diagnostics.first?.message.contains("nested too deeply") == true)
        let deepList = String(repeating: "[", count: 5000)
        #expect(!Parser.parse(deepList).diagnostics.isEmpty)
        let deepNot = String(repeating: "not ", count: 5000) + "true"
        #expect(!Parser.parse(deepNot).diagnostics.isEmpty)
    }

    @Test("long operator chains are bounded too: they would nest as deeply when evaluated")
    func longChains() {
        let h = Harness()
        #expect(h.value(Array(repeating: "1", count: 100).joined(separator: " + ")) == "100")
        let sum = Array(repeating: "1", count: 20_000).joined(separator: " + ")
        #expect(h.value(sum).contains("chains too many operators"))
        #expect(h.value("r = {a: 1}\nr" + String(repeating: ".a", count: 5_000)).hasPrefix("error:"))
        #expect(h.value("[1]" + String(repeating: " | len", count: 5_000)).hasPrefix("error:"))
        #expect(h.value(Array(repeating: "true", count: 5_000).joined(separator: " and ")).hasPrefix("error:"))
        let (_, diagnostics) = Parser.parse(sum + "\nx = 1 +* 2\n" + sum)
        #expect(diagnostics.count == 3, "recovery resets the nesting count")
    }

    @Test("semicolons separate statements and mark them suppressed")
    func semicolons() {
        let (statements, diagnostics) = Parser.parse("a = 1; b = 2\nb;")
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 3)
        #expect(statements.map(\.suppressed) == [true, false, true])
    }

    @Test("help and show have a command form; show(x) and help(\"x\") remain calls")
    func commands() {
        let (statements, diagnostics) = Parser.parse("help\nhelp sleep\n?where\nshow x\nshow(x)\nhelp(\"len\")")
        #expect(diagnostics.isEmpty)
        let kinds = statements.map { s -> String in
            switch s.kind {
            case .help(let topic, _): return "help:\(topic ?? "-")"
            case .show: return "show"
            case .expression: return "expr"
            default: return "other"
            }
        }
        #expect(kinds == ["help:-", "help:sleep", "help:where", "show", "expr", "expr"])
    }

    @Test("assigning to something that is not a name, field or element is an error")
    func badAssignment() {
        let (_, diagnostics) = Parser.parse("1 + 2 = 3")
        #expect(diagnostics.first?.message.contains("cannot assign") == true)
    }
}
