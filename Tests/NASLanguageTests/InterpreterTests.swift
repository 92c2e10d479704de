import Foundation
import NASCore
import NASEngine
import Testing
@testable import NASLanguage

@Suite("Interpreter")
struct InterpreterTests {
    @Test("cell mode returns the last value and prints nothing; ';' suppresses it")
    func cellMode() {
        let h = Harness()
        let (output, result) = h.run("x = 2\nx * 21", mode: .cell)
        #expect(output.isEmpty)
        #expect(result.value.map { $0.render(width: 80, color: false) } == "42")
        #expect(h.run("x * 2;", mode: .cell).result.value == nil)
        #expect(h.run("y = 3", mode: .cell).result.value == nil)
        #expect(h.run("1\n2\n3", mode: .cell).result.value.map { $0.render(width: 80, color: false) } == "3")
    }

    @Test("script mode prints each expression statement's value")
    func scriptMode() {
        let h = Harness()
        #expect(h.run("1\n\"a\"\nx = 3\nx;\nx").output == "1\n\"a\"\n3\n")
    }

    @Test("variables persist between executions until reset")
    func variables() {
        let h = Harness()
        h.run("a = 5\nfn f(x) { x + a }")
        #expect(h.value("f(1)") == "6")
        #expect(h.interpreter.variableNames == ["a", "f"])
        #expect(h.interpreter.describeVariables().contains("a  "))
        h.interpreter.setVariable("_", .number(7))
        #expect(h.value("_ + 1") == "8")
        h.interpreter.reset()
        #expect(h.interpreter.variableNames.isEmpty)
    }

    @Test("outcomes: ok 0, assert 1, script error 65, missing file 66")
    func outcomes() {
        let h = Harness()
        #expect(h.run("1").result.outcome == .ok)
        #expect(h.run("assert false").result.outcome.exitCode == 1)
        #expect(h.run("x = ").result.outcome.exitCode == 65)
        #expect(h.run("nope()").result.outcome.exitCode == 65)
        let missing = h.interpreter.executeFile(at: "/nonexistent/dir/script.nas")
        #expect(missing.outcome == .inputMissing)
        #expect(missing.outcome.exitCode == 66)
        #expect(missing.renderDiagnostics(color: false).contains("no such file"))
    }

    @Test("a runtime error stops the script; earlier output stays")
    func stopsAtFirstError() {
        let (output, result) = Harness().run("print(1)\nprint(1 / 0)\nprint(3)")
        #expect(output == "1\n")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].range?.line == 2)
    }

    @Test("sleep stops within a short time when the session is interrupted")
    func sleepIsInterruptible() {
        let h = Harness()
        let session = h.session
        let start = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { session.interrupt.cancel() }
        let (_, result) = h.run("print(1)\nsleep(5s)\nprint(2)")
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.outcome == .interrupted)
        #expect(elapsed < 2.5)
        #expect(result.diagnostics.first?.message == "interrupted")
        #expect(h.run("print(3)").output == "3\n", "the next execution runs normally")
    }

    @Test("an endless loop stops at the step limit or on interrupt")
    func endlessLoops() {
        let h = Harness(stepLimit: 10_000)
        let limited = h.run("while true { x = 1 }").result
        #expect(limited.outcome == .scriptError)
        #expect(limited.diagnostics.first?.message.contains("step limit") == true)
        let unlimited = Harness(stepLimit: nil)
        let session = unlimited.session
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { session.interrupt.cancel() }
        #expect(unlimited.run("n = 0\nwhile true { n = n + 1 }").result.outcome == .interrupted)
    }

    @Test("deep recursion is an error, not a crash")
    func recursion() {
        let result = Harness(stepLimit: nil).run("fn f(n) { 1 + f(n + 1) }\nf(0)").result
        #expect(result.diagnostics.first?.message.contains("too many nested calls") == true)
    }

    @Test("the deepest expressions inside the deepest recursion fit on the stack")
    func deepestNesting() {
        let depth = 45
        let nested = String(repeating: "1 + (", count: depth) + "f(n - 1)" + String(repeating: ")", count: depth)
        let source = "fn f(n) {\n  if n <= 0 { return 0 }\n  return \(nested)\n}\nf(199)"
        let result = Harness(stepLimit: nil).run(source, mode: .cell).result
        #expect(result.diagnostics.isEmpty, "\(result.renderDiagnostics(color: false))")
        #expect(result.value.map { $0.render(width: 80, color: false) } == "\(45 * 199)")
        let tooDeep = Harness(stepLimit: nil).run("fn f(n) { \(nested) }\nf(1000)").result
        #expect(tooDeep.diagnostics.first?.message.contains("too many nested calls") == true)
    }

    @Test("values render with units, quotes and truncation")
    func rendering() {
        let h = Harness()
        #expect(h.value("[1ms, \"a\", none, {k: 5%}]") == "[1ms, \"a\", none, {k: 5%}]")
        #expect(h.value("fn f(a, b) { a }\nf") == "<fn f(a, b)>")
        #expect(h.value("len") == "<builtin len(value: any)>")
        #expect(h.value("range(150)").hasSuffix(", … 50 more]"))
        let table = h.value("table({i: range(30)})")
        #expect(table.hasSuffix("… 10 more rows"))
        #expect(table.split(separator: "\n").count == 2 + 20 + 1)
    }

    @Test("help lists topics and shows one page; unknown topics suggest a close one")
    func help() {
        let h = Harness()
        let overview = h.run("help").output
        #expect(overview.contains("sleep"))
        #expect(overview.contains("where"))
        let page = h.run("?sleep").output
        #expect(page.contains("sleep(duration: time)"))
        #expect(page.contains("Ctrl-C"))
        let wrong = h.run("help slep").result
        #expect(wrong.diagnostics.first?.message.contains("did you mean 'sleep'?") == true)
        #expect(h.run("help(\"len\")").output.contains("len(value: any)"))
    }

    @Test("builtin arguments are checked against the signature")
    func argumentChecks() {
        let h = Harness()
        #expect(h.value("sleep(5)").contains("argument 'duration' of sleep() must be a time (like 5s or 20ms), got a plain number (5)"))
        #expect(h.value("round()").contains("round() needs the argument 'x'"))
        #expect(h.value("len(1, 2)").contains("takes at most 1 positional argument"))
    }

    @Test("jobs run in the background, report progress, and can be cancelled")
    func jobsAreVisible() {
        let h = Harness()
        #expect(h.value("len(jobs())") == "0")
        let job = h.session.jobs.launch(name: "count") { ctx in
            for i in 1...3 { ctx.progress(done: i, total: 3) }
        }
        #expect(job.wait() == .succeeded)
        #expect(h.value("jobs()[0].status") == "\"succeeded\"")
    }
}
