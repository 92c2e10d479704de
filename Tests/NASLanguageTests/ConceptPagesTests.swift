import Foundation
import Testing
@testable import NASLanguage

/// The concept pages: their format, and that they cover naslab and name only what exists.
@Suite struct ConceptPagesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The builtin categories whose every builtin must belong to a concept.
    static let taughtCategories: Set<String> = ["spaces", "space composition", "search strategies", "training", "benchmarks",
                                                "hardware", "one-shot", "analysis", "runs", "results", "plots", "operations"]

    static let example = """
        # darts — DARTS: differentiable architecture search
        part: one-shot
        builtins: darts, alphas
        samples: 09-darts-gdas.nas
        paper: Liu, Simonyan & Yang, "DARTS", ICLR 2019
        see: one-shot, gdas

        Every edge mixes every op.

        ## Formula
        o(x) = Σ softmax(α)_k · op_k(x)

        ## In naslab
        `darts(order: 2)`.

        ## What goes wrong
        Skip connections take over.

        ## Try it
            s = darts()
            type(s)
        """

    @Test("a page's header, idea and sections are read as written")
    func parsesAPage() throws {
        let page = try ConceptPage(markdown: Self.example, name: "darts")
        #expect(page.title == "DARTS: differentiable architecture search")
        #expect(page.part == .oneShot)
        #expect(page.builtins == ["darts", "alphas"])
        #expect(page.samples == ["09-darts-gdas.nas"])
        #expect(page.see == ["one-shot", "gdas"])
        #expect(page.idea == "Every edge mixes every op.")
        #expect(page.sections.map(\.heading) == ["Formula", "In naslab", "What goes wrong", "Try it"])
        #expect(page.section("Formula") == "o(x) = Σ softmax(α)_k · op_k(x)")
        #expect(page.tryLines == ["s = darts()", "type(s)"])
    }

    @Test("malformed pages are refused with the page's name and what is wrong")
    func refusesMalformedPages() {
        func message(_ text: String) -> String {
            do { _ = try ConceptPage(markdown: text, name: "darts"); return "accepted" } catch { return "\(error)" }
        }
        #expect(message(Self.example.replacingOccurrences(of: "# darts —", with: "# gdas —")).contains("first line must be '# darts — title'"))
        #expect(message(Self.example.replacingOccurrences(of: "samples: 09-darts-gdas.nas\n", with: "")).contains("'samples:' is missing"))
        #expect(message(Self.example.replacingOccurrences(of: "part: one-shot", with: "part: magic")).contains("part 'magic' is not one of"))
        #expect(message(Self.example.replacingOccurrences(of: "## What goes wrong", with: "## Pitfalls")).contains("'Pitfalls'"))
        let swapped = Self.example.replacingOccurrences(of: "## In naslab", with: "## X").replacingOccurrences(of: "## Try it", with: "## In naslab")
            .replacingOccurrences(of: "## X", with: "## Try it")
        #expect(message(swapped).hasPrefix("concept page 'darts': its sections are"))
    }

    @Test("the index and the pages must agree: no page missing, none unlisted, none under another part")
    func indexAgreesWithPages() throws {
        #expect(throws: ConceptError(page: "gdas", "is in the index but has no file gdas.md")) {
            try ConceptLibrary(index: "# one-shot\ndarts\ngdas\n", pages: ["darts": Self.example])
        }
        #expect(throws: ConceptError(page: "darts", "has a file but is not in index.md")) {
            try ConceptLibrary(index: "# one-shot\n", pages: ["darts": Self.example])
        }
        #expect(throws: ConceptError(page: "darts", "says part 'one-shot' but the index lists it under 'search-spaces'")) {
            try ConceptLibrary(index: "# search-spaces\ndarts\n", pages: ["darts": Self.example])
        }
        let library = try ConceptLibrary(index: "# one-shot\ndarts\n", pages: ["darts": Self.example])
        #expect(library.pages(about: "alphas").map(\.name) == ["darts"])
    }

    @Test("a concept page shows the registry's signatures of its builtins, so they cannot drift")
    func rendersSignaturesFromTheRegistry() throws {
        let registry = BuiltinRegistry.standard()
        let page = try ConceptPage(markdown: Self.example, name: "darts")
        let text = page.render(registry: registry)
        #expect(text.contains(registry.lookup("darts")!.signatureText))
        #expect(text.contains(registry.lookup("alphas")!.signatureText))
        #expect(text.contains("Sample: samples/09-darts-gdas.nas"))
        #expect(text.contains("See also: help one-shot, help gdas"))
    }

    @Test("the shipped pages load, and every taught builtin belongs to a concept")
    func shippedPagesCoverEveryBuiltin() throws {
        let library = try ConceptLibrary.shipped.get()
        let registry = BuiltinRegistry.standard()
        let named = Set(library.pages.flatMap(\.builtins))
        let untaught = registry.all.filter { Self.taughtCategories.contains($0.category) && !named.contains($0.name) }.map(\.name)
        #expect(untaught.isEmpty, "builtins without a concept page: \(untaught)")
        for builtin in registry.all { #expect(!builtin.summary.isEmpty, "\(builtin.name) has no help summary") }
        for part in ConceptPart.allCases { #expect(library.pages.contains { $0.part == part }, "no concept of part \(part.rawValue)") }
    }

    @Test("every page names only builtins, samples and concepts that exist, and fits a screen")
    func shippedPagesNameWhatExists() throws {
        let library = try ConceptLibrary.shipped.get()
        let registry = BuiltinRegistry.standard()
        let samples = Self.repository.appendingPathComponent("samples")
        for page in library.pages {
            for b in page.builtins { #expect(registry.lookup(b) != nil, "\(page.name) names builtin \(b), which does not exist") }
            for s in page.samples {
                #expect(FileManager.default.fileExists(atPath: samples.appendingPathComponent(s).path), "\(page.name) names sample \(s), which does not exist")
            }
            for c in page.see { #expect(library.page(named: c) != nil, "\(page.name) sees \(c), which is no concept") }
            #expect(!page.tryLines.isEmpty, "\(page.name) has nothing to try")
            let text = page.render(registry: registry)
            #expect(registry.helpText(for: page.name) == text)
        }
        let folder = Self.repository.appendingPathComponent("Sources/NASLanguage/Resources/Concepts")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file != "index.md" {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= 46, "\(file) has \(lines.count) lines: a page is one screenful")
            for line in lines { #expect(line.count <= 92, "\(file): a line is longer than 92 characters: \(line)") }
        }
    }

    @Test("every page's Try it lines run without an error")
    func tryItLinesRun() throws {
        let library = try ConceptLibrary.shipped.get()
        for page in library.pages {
            let harness = Harness(stepLimit: nil)
            let (output, result) = harness.run(page.tryLines.joined(separator: "\n"), file: "\(page.name).nas")
            #expect(result.diagnostics.isEmpty, "help \(page.name): Try it fails: \(result.diagnostics.map(\.message)) \(output.suffix(300))")
        }
    }

    @Test("help concepts lists every page under its part, in teaching order")
    func helpConceptsListsThePages() throws {
        let library = try ConceptLibrary.shipped.get()
        let text = try #require(BuiltinRegistry.standard().helpText(for: "concepts"))
        var position = text.startIndex
        for page in library.pages {
            let found = try #require(text.range(of: "  \(page.name) ", range: position..<text.endIndex), "\(page.name) is missing or out of order")
            position = found.upperBound
        }
    }
}
