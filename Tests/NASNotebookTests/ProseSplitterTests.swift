import Testing
@testable import NASNotebook

@Suite struct ProseSplitterTests {
    let splitter = ProseSplitter()

    @Test func commentRunsBecomeProseBetweenCode() {
        let source = "# Units keep their kind.\n#\n# ## Times\nt = 20ms\n\n# Then bytes.\nb = 64MB"
        #expect(splitter.segments(of: source) == [
            .prose("Units keep their kind.\n\n## Times"),
            .code("t = 20ms"),
            .prose("Then bytes."),
            .code("b = 64MB"),
        ])
    }

    @Test func commentInsideAnOpenStatementStaysInTheCode() {
        let source = "xs = [1,\n# the second\n2]"
        #expect(splitter.segments(of: source) == [.code(source)])
    }

    @Test func commentBeforeAPipelineContinuationStaysInTheCode() {
        let source = "t\n# keep the fast ones\n| where latency < 20ms"
        #expect(splitter.segments(of: source) == [.code(source)])
    }

    @Test func trailingCommentOnACodeLineIsCode() {
        #expect(splitter.segments(of: "x = 1  # one") == [.code("x = 1  # one")])
    }

    /// A trailing `|` leaves the statement open for the interpreter (a bracket counter saw it
    /// complete and cut the pipeline in two around the comment).
    @Test func commentAfterATrailingPipeStaysInTheCode() {
        let source = "t = xs |\n# the first three\ntake 3"
        #expect(splitter.segments(of: source) == [.code(source)])
    }

    /// An escaped quote and a bracket inside a string close nothing for the interpreter (a
    /// bracket counter saw an open bracket and kept the comment in the code).
    @Test func bracketInsideAStringWithAnEscapedQuoteEndsNothing() {
        let source = "s = \"a \\\"(\\\" b\"\n# Then show it.\ns"
        #expect(splitter.segments(of: source) == [
            .code("s = \"a \\\"(\\\" b\""), .prose("Then show it."), .code("s"),
        ])
    }
}
