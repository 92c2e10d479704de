import Testing
@testable import NASNotebook

@Suite struct ProseSplitterTests {
    let splitter = ProseSplitter(isComplete: { BracketBalance.isBalanced($0) })

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
}
