import Foundation
import NASCore
import NASEngine
import Testing

extension SeededRandom {
    fileprivate mutating func nextInt(in range: ClosedRange<Int>) -> Int { range.lowerBound + nextInt(below: range.count) }
}
@testable import NASLanguage

/// Feeds many random and mutated scripts through the lexer, parser and interpreter, and checks
/// that each one ends in a value or a diagnostic: no crash, no hang (a step budget bounds every run).
@Suite("Robustness")
struct RobustnessTests {
    static let vocabulary: [String] = [
        "x", "y", "t", "f", "r", "xs", "print", "len", "table", "range", "sum", "mean", "min", "max", "str", "type",
        "round", "sorted", "map", "filter", "help", "show", "list", "append", "keys", "columns", "jobs", "int", "sqrt", "log",
        "where", "sort", "take", "select", "group", "by", "summarize", "join", "on", "extend", "desc", "count", "std",
        "if", "else", "for", "in", "while", "fn", "return", "break", "continue", "assert", "true", "false", "none",
        "and", "or", "not", "0", "1", "2", "3", "10", "2.5", "-1", "20ms", "1s", "64MB", "2KiB", "10k", "5%", "1e3", "0.5",
        "\"a\"", "\"acc\"", "'b'", "\"\"", "+", "-", "*", "/", "**", "=", "==", "!=", "<", "<=", ">", ">=", "|", "?",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "..", "..<", "\n", "\n", "\n", " ", "#", "&&", "!", "@", "\\",
        "{a: 1, b: 2}", "[1, 2, 3]", "table({a: [1, 2], b: [3ms, 1ms]})", "fn(v) { v * 2 }", "x = 1\n", "for i in 0..<3 { ", "}\n",
    ]

    static func seeds() -> [String] {
        GoldenScriptTests.scripts.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    static func randomTokens(_ rng: inout SeededRandom) -> String {
        let count = rng.nextInt(in: 1...40)
        return (0..<count).map { _ in vocabulary[rng.nextInt(in: 0...(vocabulary.count - 1))] }.joined(separator: rng.nextInt(in: 0...3) == 0 ? "" : " ")
    }

    static func mutate(_ source: String, _ rng: inout SeededRandom) -> String {
        var bytes = Array(source.utf8)
        for _ in 0..<rng.nextInt(in: 1...5) where !bytes.isEmpty {
            let i = rng.nextInt(in: 0...(bytes.count - 1))
            switch rng.nextInt(in: 0...5) {
            case 0: bytes.removeSubrange(i..<min(bytes.count, i + rng.nextInt(in: 1...20)))
            case 1: bytes.insert(contentsOf: Array(vocabulary[rng.nextInt(in: 0...(vocabulary.count - 1))].utf8), at: i)
            case 2: bytes[i] = UInt8(rng.nextInt(in: 32...126))
            case 3: bytes = Array(bytes[..<i])
            case 4:
                let j = rng.nextInt(in: 0...(bytes.count - 1))
                bytes.swapAt(i, j)
            default: bytes.insert(UInt8(rng.nextInt(in: 0...255)), at: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("20,000 random and mutated scripts each end in a value or a diagnostic")
    func randomScripts() {
        var rng = SeededRandom(seed: 2026)
        let seeds = Self.seeds()
        #expect(seeds.count > 100, "the golden scripts are the seeds")
        guard !seeds.isEmpty else { return }
        let registry = BuiltinRegistry.standard()
        // No sleeping, no background runs and no training: their work is real seconds per call,
        // not bounded by the step limit.
        for name in ["sleep", "launch", "resume", "dataset", "train", "grow"] { registry.remove(name) }
        let session = Session(workspace: FileManager.default.temporaryDirectory.appendingPathComponent("naslab-robust/.naslab"))
        var outcomes: [Outcome: Int] = [:]
        var failures: [String] = []
        for n in 0..<20_000 {
            let source: String
            switch n % 3 {
            case 0: source = Self.randomTokens(&rng)
            default: source = Self.mutate(seeds[rng.nextInt(in: 0...(seeds.count - 1))], &rng)
            }
            let interpreter = Interpreter(session: session, registry: registry) { _ in }
            interpreter.stepLimit = 2_000
            _ = Interpreter.isComplete(source)
            _ = interpreter.completions(for: source, cursor: rng.nextInt(in: 0...max(0, source.count)))
            let result = interpreter.execute(source, file: "fuzz.nas", mode: n % 2 == 0 ? .script : .cell)
            outcomes[result.outcome, default: 0] += 1
            let rendered = result.renderDiagnostics(color: n % 5 == 0)
            let consistent = result.outcome == .ok ? result.diagnostics.isEmpty : !rendered.isEmpty
            if !consistent, failures.count < 5 { failures.append(source) }
        }
        #expect(failures.isEmpty, "inconsistent results for: \(failures)")
        #expect(outcomes[.ok, default: 0] > 500, "some scripts should still run: \(outcomes)")
        #expect(outcomes[.scriptError, default: 0] > 5_000, "most should fail cleanly: \(outcomes)")
        #expect(outcomes[.interrupted, default: 0] == 0)
    }
}
