import Testing
@testable import NASNotebook

@Suite struct DotCommandTests {
    @Test func parsesEachCommandAndItsArgument() throws {
        #expect(try DotCommand.parse(".help").get() == .help)
        #expect(try DotCommand.parse(".timer on").get() == .timer(true))
        #expect(try DotCommand.parse(".timer  off").get() == .timer(false))
        #expect(try DotCommand.parse(".timer").get() == .timer(nil))
        #expect(try DotCommand.parse(".save out/notes.ipynb").get() == .save("out/notes.ipynb", overwrite: false))
        #expect(try DotCommand.parse(".save! out/notes.ipynb").get() == .save("out/notes.ipynb", overwrite: true))
        #expect(DotCommand.parse(".save!") == .failure(.missingArgument(".save!", "FILE")))
        #expect(DotCommand.helpText.contains(".save! FILE"))
        #expect(try DotCommand.parse(".load a.nas").get() == .load("a.nas"))
        #expect(try DotCommand.parse(".exit").get() == .quit)
    }

    @Test func explainsWhatIsWrong() {
        #expect(DotCommand.parse(".timer maybe") == .failure(.badArgument(".timer", "maybe", "on or off")))
        #expect(DotCommand.parse(".load") == .failure(.missingArgument(".load", "FILE")))
        let unknown = DotCommand.parse(".sav x")
        guard case .failure(let error) = unknown else { Issue.record("accepted .sav"); return }
        #expect(error.description.contains("did you mean '.save'"))
    }

    @Test func onlyADotFollowedByALetterIsACommand() {
        #expect(DotCommand.isCommandLine(".vars"))
        #expect(DotCommand.isCommandLine("  .quit"))
        #expect(!DotCommand.isCommandLine(".5 + 1"))
        #expect(!DotCommand.isCommandLine("x.y"))
    }
}
