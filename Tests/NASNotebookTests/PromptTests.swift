import Testing
@testable import NASNotebook

@Suite struct PromptTests {
    @Test func continuationLinesUpWithTheInputPromptsColon() {
        for n in [1, 9, 10, 123] {
            let input = Prompt.inputText(n)
            let continuation = Prompt.continuationText(n)
            #expect(input.count == continuation.count)
            #expect(continuation.hasSuffix("...: "))
        }
        #expect(Prompt.inputText(3) == "In [3]: ")
    }

    @Test func outputGoesOnThePromptLineOrBelowIt() {
        let plain = Prompt(style: Style(enabled: false))
        #expect(plain.output(2, value: "1.02s") == "Out[2]: 1.02s\n")
        #expect(plain.output(2, value: "a\nb\n") == "Out[2]:\na\nb\n")
    }

    @Test func colouredPromptHidesEscapesFromTheEditor() {
        let coloured = Prompt(style: Style(enabled: true))
        let text = coloured.forEditor("In [1]: ")
        #expect(text == "\u{1}\u{1B}[32m\u{2}In [1]:\u{1}\u{1B}[0m\u{2} ")
        #expect(Prompt(style: Style(enabled: false)).forEditor("In [1]: ") == "In [1]: ")
    }
}
