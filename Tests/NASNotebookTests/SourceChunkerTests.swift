import Testing
@testable import NASNotebook

@Suite struct SourceChunkerTests {
    let chunker = SourceChunker()

    @Test func splitsStatementsAndKeepsTheirStartLines() {
        let source = "# a tour\nx = 1\n\nxs = [1,\n  2]\nprint(x)\n"
        #expect(chunker.chunks(of: source) == [
            .init(text: "x = 1", line: 2),
            .init(text: "xs = [1,\n  2]", line: 4),
            .init(text: "print(x)", line: 6),
        ])
    }

    @Test func aLeadingPipeContinuesThePreviousStatement() {
        let source = "t\n  | where a > 1\n# sorted\n  | sort a\ny = 2"
        #expect(chunker.chunks(of: source) == [
            .init(text: "t\n  | where a > 1\n# sorted\n  | sort a", line: 1),
            .init(text: "y = 2", line: 5),
        ])
    }

    @Test func anUnfinishedTailIsTheLastChunk() {
        #expect(chunker.chunks(of: "a = 1\nb = (2 +") == [
            .init(text: "a = 1", line: 1),
            .init(text: "b = (2 +", line: 2),
        ])
    }

    @Test func lastLineWithoutNewlineIsAStatement() {
        #expect(chunker.chunks(of: "a = 1\nb = 2").map(\.text) == ["a = 1", "b = 2"])
    }

    @Test func elseOnItsOwnLineContinuesTheIf() {
        let source = "if x > 1 {\n  a = 1\n}\n\nelse {\n  a = 2\n}\nelsewhere = 3\n"
        #expect(chunker.chunks(of: source) == [
            .init(text: "if x > 1 {\n  a = 1\n}\n\nelse {\n  a = 2\n}", line: 1),
            .init(text: "elsewhere = 3", line: 8),
        ])
    }

    /// The chunker splits where the interpreter does: a bracket in a string after an escaped
    /// quote opens nothing, and a trailing `|` continues on the next line.
    @Test func splitsWhereTheInterpreterDoes() {
        let source = "s = \"a \\\"(\\\" b\"\nt = xs |\n\n  take 3\nu = 1"
        #expect(chunker.chunks(of: source) == [
            .init(text: "s = \"a \\\"(\\\" b\"", line: 1),
            .init(text: "t = xs |\n\n  take 3", line: 2),
            .init(text: "u = 1", line: 5),
        ])
    }
}
