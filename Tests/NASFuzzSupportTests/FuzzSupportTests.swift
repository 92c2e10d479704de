import Foundation
import NASFuzzSupport
import NASLanguage
import Testing

/// The fuzz harness's generated dictionary and seeds cover the registry, its sandbox holds, and
/// its watchdog and session reuse work; all without the libFuzzer build.
@Suite("Fuzz support")
struct FuzzSupportTests {
    let registry = BuiltinRegistry.standard()

    @Test("the dictionary has every builtin's name, call and keywords")
    func dictionaryCoversRegistry() {
        let entries = Set(FuzzDictionary.entries(for: registry))
        for builtin in registry.all {
            #expect(entries.contains(builtin.name) && entries.contains(builtin.name + "("), "missing \(builtin.name)")
            for parameter in builtin.parameters {
                #expect(entries.contains(parameter.name + ": "), "missing \(builtin.name)'s \(parameter.name)")
            }
        }
        for token in ["| where ", "| sort ", "ms", "1MB", "%", "fn", "while", "..<", "\"cifar10\""] {
            #expect(entries.contains(token), "missing \(token)")
        }
    }

    @Test("every dictionary line is one quoted, printable libFuzzer entry")
    func dictionaryLinesAreWellFormed() {
        let lines = FuzzDictionary.fileText(for: registry).split(separator: "\n")
        #expect(lines.count == FuzzDictionary.entries(for: registry).count)
        for line in lines {
            #expect(line.count >= 3 && line.first == "\"" && line.last == "\"", "bad line \(line)")
            #expect(line.utf8.allSatisfy { (0x20..<0x7f).contains($0) }, "unescaped byte in \(line)")
        }
        #expect(FuzzDictionary.quoted("a\"b\\\nµ") == #""a\"b\\\x0A\xC2\xB5""#)
    }

    @Test("the seeds call every builtin and all parse")
    func seedsCoverRegistryAndParse() {
        let seeds = SeedCorpus.scripts(for: registry)
        for builtin in registry.all {
            #expect(seeds.contains { $0.hasPrefix(builtin.name + "(") }, "no generated call of \(builtin.name)")
        }
        for seed in seeds {
            let (_, diagnostics) = Parser.parse(seed)
            #expect(diagnostics.isEmpty, "seed does not parse: \(seed)\n\(diagnostics.map(\.message))")
        }
    }

    @Test("every parameter that names a file is confined by the sandbox")
    func sandboxCoversFileParameters() {
        for builtin in registry.all {
            for parameter in builtin.parameters where parameter.kind == .string {
                let help = parameter.help.lowercased()
                guard help.contains("path of") || help.contains("file") else { continue }
                #expect(Sandbox.fileParameters[builtin.name]?.contains(parameter.name) == true,
                        "\(builtin.name)'s \(parameter.name) names a file but the sandbox lets any path through")
            }
        }
        #expect(Sandbox.allows(path: "t.csv"))
        for path in ["/etc/passwd", "../t.csv", "a/b.csv", ".hidden", "", String(repeating: "x", count: 65)] {
            #expect(!Sandbox.allows(path: path), "lets \(path) through")
        }
    }

    @Test("the harness refuses paths, stops long work and starts each input from an empty store")
    func harnessIsolatesInputs() throws {
        let harness = try FuzzHarness(root: URL(fileURLWithPath: NSTemporaryDirectory()), enter: false)
        let outside = harness.run("save(table([{a: 1}]), \"/tmp/naslab-fuzz-escape.csv\")", variant: 1)
        #expect(outside.renderDiagnostics(color: false).contains("fuzz sandbox"))
        #expect(harness.run("while true { }", variant: 1).outcome == .scriptError)
        let started = Date()
        let long = harness.run("wait(launch(random(), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 1e6, seed: 1))", variant: 2)
        #expect(long.outcome == .interrupted)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(harness.interruptions == 1)
        #expect(harness.run("assert len(runs()) == 0", variant: 2).outcome == .ok)
        #expect(harness.inputs == 4)
    }

    @Test("seeds get their own budget and are always kept; slow inputs after them are not")
    func seedsAreKeptAndSlowInputsAreNot() throws {
        let harness = try FuzzHarness(root: URL(fileURLWithPath: NSTemporaryDirectory()), enter: false)
        harness.configure(from: ["NASLAB_FUZZ_BUDGET_MS": "30", "NASLAB_FUZZ_SEED_BUDGET_MS": "5000",
                                 "NASLAB_FUZZ_KEEP_MS": "1", "NASLAB_FUZZ_SEEDS": "1"])
        #expect(harness.timeBudget == 0.03 && harness.seedBudget == 5 && harness.keepLimit == 0.001)
        let slow = "wait(launch(random(), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 1e6, seed: 1))"
        let started = Date()
        harness.run(slow, variant: 1)
        #expect(harness.keepsLast && Date().timeIntervalSince(started) >= 4, "a seed runs under its own budget and is kept")
        harness.run(slow, variant: 1)
        #expect(!harness.keepsLast && harness.interruptions == 2)
        #expect(harness.report.contains("2 inputs, 2 interrupted") && harness.report.contains("interrupted 2"))
    }
}
