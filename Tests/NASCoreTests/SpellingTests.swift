import Testing
@testable import NASCore

@Suite("Spelling")
struct SpellingTests {
    @Test("a swap of two neighbouring letters is one edit")
    func transpositions() {
        #expect(Spelling.distance("nb210", "nb201") == 1)
        #expect(Spelling.distance("pixle3", "pixel3") == 1)
        #expect(Spelling.suggestion(for: "nb210", among: ["nb201", "nats", "darts"]) == "nb201")
        #expect(Spelling.suggestion(for: "smaple", among: ["sample", "segment"]) == "sample")
    }

    @Test("a name that extends a known one, or starts it, is suggested")
    func prefixes() {
        #expect(Spelling.suggestion(for: "lenght", among: ["len", "list", "log"]) == "len")
        #expect(Spelling.suggestion(for: "msec", among: ["ms", "s", "min"]) == "ms")
        #expect(Spelling.suggestion(for: "segm", among: ["segment", "seed"]) == "segment")
    }

    @Test("a typo beats a prefix match; ties go to the alphabetically first; strangers get nothing")
    func ranking() {
        #expect(Spelling.suggestion(for: "lenn", among: ["len", "lens"]) == "len")
        #expect(Spelling.suggestion(for: "ab", among: ["bb", "aa"]) == "aa")
        #expect(Spelling.suggestion(for: "zzzzzz", among: ["len", "sample"]) == nil)
        #expect(Spelling.suggestion(for: "x", among: ["xyz"]) == nil)
        #expect(Spelling.didYouMean("nb210", among: ["nb201"]) == "; did you mean 'nb201'?")
    }
}
