import Testing
@testable import NASLanguage

@Suite("Completeness check")
struct CompletenessTests {
    @Test("complete inputs", arguments: ["", "x = 1", "print(1)", "if x { y }", "t | take 5", "# comment", "f(x)\n", "a = [1,\n2]", "?help", "help in"])
    func complete(_ source: String) {
        #expect(Interpreter.isComplete(source))
    }

    @Test("incomplete inputs", arguments: ["print(1", "x = [1, 2", "if x {", "fn f(a) {\n  a", "x = 1 +", "t | where a > 1 |", "t |", "\"open string", "r = {a: 1,", "f(a,", "if x { 1 } else", "for i in", "x =", "a and", "'multi\nline"])
    func incomplete(_ source: String) {
        #expect(!Interpreter.isComplete(source))
    }
}
