import Testing
@testable import NASLanguage

/// Every way to make a number past the largest `Double`, or no number at all, is an error in place.
@Suite("Number limits")
struct NumberLimitTests {
    @Test("operators, literals and math builtins never give inf or nan", arguments: [
        ("1e400", "the number 1e400 is too large"),
        ("-1e400", "the number 1e400 is too large"),
        ("1e306k", "the number 1e306k is too large"),
        ("1e308 * 10", "1e+308 * 10 overflows"),
        ("1e308 + 1e308", "1e+308 + 1e+308 overflows"),
        ("-1e308 - 1e308", "(-1e+308) - 1e+308 overflows"),
        ("1e308 / 0.1", "1e+308 / 0.1 overflows"),
        ("10 ** 1000", "10 ** 1000 overflows"),
        ("1e300s * 1e300", "1e+300s * 1e+300 overflows"),
        ("1e300MB * 1e300", "overflows"),
        ("(-8) ** 0.5", "(-8) ** 0.5 is not a real number"),
        ("0 ** -1", "0 ** (-1) divides by zero"),
        ("sqrt(-1)", "sqrt(-1) is not a real number: it needs x ≥ 0"),
        ("log(0)", "log(0) is minus infinity: it needs x > 0"),
        ("log2(-4)", "log2(-4) is not a real number: it needs x > 0"),
        ("log10(0)", "log10(0) is minus infinity"),
        ("exp(1000)", "exp(1000) overflows"),
        ("sum([1e308, 1e308])", "the sum of these numbers overflows"),
        ("mean([1e308, 1e308])", "the sum of these numbers overflows"),
        ("std([-1e308, 1e308])", "the standard deviation overflows"),
    ])
    func refused(source: String, message: String) {
        let result = Harness().value(source)
        #expect(result.hasPrefix("error: ") && result.contains(message), "\(source) gave \(result)")
    }

    @Test("a 100,000-digit literal is refused at the literal, quoted short")
    func hugeLiteral() {
        let digits = String(repeating: "9", count: 100_000)
        let result = Harness().run("x = " + digits)
        let rendered = result.result.renderDiagnostics(color: false)
        #expect(rendered.contains("test.nas:1:5: error: the number 9999999999…9999999999 (100000 characters) is too large"))
    }

    @Test("results up to the limits are still numbers", arguments: [
        ("1e308", "1e+308"), ("2 ** 1023 > 0", "true"), ("exp(-1000)", "0"), ("round(1e300, 15) > 0", "true"),
        ("sqrt(0)", "0"), ("1e-400", "0"),
    ])
    func allowed(source: String, rendered: String) {
        #expect(Harness().value(source) == rendered)
    }

    @Test("the error points at the operator's expression, the literal or the call")
    func columns() {
        let h = Harness()
        #expect(h.run("x = 1 + 10 ** 1000").result.diagnostics.first?.range?.column == 9)
        #expect(h.run("x = [1, 1e999]").result.diagnostics.first?.range?.column == 9)
        #expect(h.run("x = 2 * exp(800)").result.diagnostics.first?.range?.column == 9)
    }
}
