import Foundation
import Testing
@testable import NASLanguage

@Suite("Completion")
struct CompletionTests {
    private func complete(_ h: Harness, _ line: String) -> [String] {
        h.interpreter.completions(for: line, cursor: line.count)
    }

    @Test("builtins, variables and keywords by prefix")
    func names() {
        let h = Harness()
        h.run("sleepy = 1")
        let candidates = complete(h, "sle")
        #expect(candidates.contains("sleep"))
        #expect(candidates.contains("sleepy"))
        #expect(complete(h, "whi") == ["while"])
    }

    @Test("fields after a dot: record fields and table columns")
    func members() {
        let h = Harness()
        h.run("r = {alpha: 1, beta: {gamma: 2}}\nt = table({acc: [1], lat: [2]})")
        #expect(complete(h, "r.") == ["alpha", "beta"])
        #expect(complete(h, "r.beta.g") == ["gamma"])
        #expect(complete(h, "x = t.a") == ["acc"])
    }

    @Test("keyword arguments inside a call")
    func keywordArguments() {
        let h = Harness()
        h.run("fn train(data, seed: 1, epochs: 3) { data }")
        #expect(complete(h, "train(x, see") == ["seed:"])
        #expect(complete(h, "round(1.5, di") == ["digits:"])
        #expect(complete(h, "print(sorted([1], de").contains("desc:"))
    }

    @Test("keyword arguments of the call still open, after a nested call or list has closed")
    func keywordArgumentsAfterNestedCall() {
        let h = Harness()
        #expect(complete(h, "sample(nb201(), se").first == "seed:")
        #expect(complete(h, "sample(nb201(), se").contains("segment"))
        #expect(complete(h, "round(abs(-1.5), di") == ["digits:"])
        #expect(complete(h, "print(sorted([3, 1], de").first == "desc:")
        #expect(!complete(h, "sample(nb201(), {se").contains("seed:"))
    }

    @Test("verbs after | and columns of the table in a pipeline")
    func pipelines() {
        let h = Harness()
        h.run("t = table({accuracy: [1], latency: [2]})")
        #expect(complete(h, "t | so") == ["sort", "sorted"])
        #expect(complete(h, "t | ta") == ["take", "table"])
        #expect(complete(h, "t | sort acc") == ["accuracy"])
    }

    @Test("help topics after help and ?")
    func helpTopics() {
        let h = Harness()
        #expect(complete(h, "?sle") == ["sleep"])
        #expect(complete(h, "help wh").contains("where"))
    }

    @Test("file paths inside strings")
    func paths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("models"), withIntermediateDirectories: true)
        try "x".write(to: dir.appendingPathComponent("mnist.csv"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: dir) }
        let h = Harness()
        let line = "load(\"\(dir.path)/m"
        #expect(complete(h, line) == ["\(dir.path)/mnist.csv", "\(dir.path)/models/"])
    }
}
