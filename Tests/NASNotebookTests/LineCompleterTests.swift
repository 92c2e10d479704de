import Foundation
import Testing
@testable import NASNotebook

@Suite struct LineCompleterTests {
    /// A stand-in for the language: names in scope, members of `r`.
    static func language(_ line: String, _ cursor: Int) -> [String] {
        let before = String(line.prefix(cursor))
        if before.hasSuffix("r.acc") { return ["accuracy"] }
        let word = LineCompleter.trailingWord(of: before) { $0.isLetter || $0 == "_" }
        return ["sample", "sleep", "size"].filter { $0.hasPrefix(word) }
    }

    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-complete-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("samples"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("samples/00-tour.nas"))
        try Data().write(to: folder.appendingPathComponent("samples/01-spaces.nas"))
        return folder
    }

    @Test func completesDotCommandsAtTheStartOfTheLine() {
        let completer = LineCompleter(directory: URL(fileURLWithPath: "/"), language: Self.language)
        #expect(completer.complete(line: ".ti", cursor: 3) == Completion(start: 0, candidates: [".timer"]))
        #expect(completer.complete(line: ".s", cursor: 2).candidates == [".save", ".save!"])
    }

    @Test func completesNamesAndMembersFromTheLanguage() {
        let completer = LineCompleter(directory: URL(fileURLWithPath: "/"), language: Self.language)
        #expect(completer.complete(line: "x = sl", cursor: 6) == Completion(start: 4, candidates: ["sleep"]))
        #expect(completer.complete(line: "r.acc", cursor: 5) == Completion(start: 2, candidates: ["accuracy"]))
    }

    @Test func completesPathsInsideStringsAndAfterLoad() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let completer = LineCompleter(directory: folder, language: Self.language)
        let line = "x = read(\"samples/0"
        #expect(completer.complete(line: line, cursor: line.count)
            == Completion(start: 10, candidates: ["samples/00-tour.nas", "samples/01-spaces.nas"]))
        #expect(completer.complete(line: ".load sam", cursor: 9) == Completion(start: 6, candidates: ["samples/"]))
        #expect(completer.complete(line: ".save! sam", cursor: 10) == Completion(start: 7, candidates: ["samples/"]))
    }

    @Test func aClosedStringIsNotAPath() {
        #expect(LineCompleter.openStringStart("f(\"a\", si") == nil)
        #expect(LineCompleter.openStringStart("f(\"a\", \"b") == 8)
        #expect(LineCompleter.openStringStart("x # \"comment") == nil)
        #expect(LineCompleter.openStringStart("f('it\"s") == 3)
    }

    @Test func candidatesAreRebasedOntoTheEditorsWord() {
        // The completer replaces a path from just after the quote; the editor cut the word at '/'.
        let before = "x = read(\"samples/0"
        let path = Completion(start: 10, candidates: ["samples/00-tour.nas", "other/0.nas"])
        #expect(path.candidates(fromWordStart: 18, before: before) == ["00-tour.nas"])
        // The completer replaces a member after the dot; the editor kept `r.acc` as one word.
        let member = Completion(start: 2, candidates: ["accuracy"])
        #expect(member.candidates(fromWordStart: 0, before: "r.acc") == ["r.accuracy"])
        #expect(member.candidates(fromWordStart: 2, before: "r.acc") == ["accuracy"])
    }
}
