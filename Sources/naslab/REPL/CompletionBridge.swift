import CEditLine
import Foundation
import NASNotebook

/// Connects libedit's C completion callbacks to a Swift completer.
///
/// libedit calls a plain C function with the word before the cursor (as its own word-break
/// characters cut it); the Swift completer may replace a longer or shorter stretch (a path in a
/// string, a member after a dot), so its candidates are re-based onto libedit's word here.
final class CompletionBridge: @unchecked Sendable {
    /// Completes a line at a cursor given as a character offset.
    typealias Provider = (_ line: String, _ cursor: Int) -> (start: Int, candidates: [String])

    /// The one bridge (libedit has one completion hook per process).
    static let shared = CompletionBridge()

    /// Break characters: every character that cannot be inside a name, a member or a path.
    nonisolated(unsafe) private static let wordBreaks = strdup(" \t\n\"'`@$><=;|&{(,[+-*/:)]}!%^~")

    private var provider: Provider?
    private var matches: [String] = []
    private var nextMatch = 0

    /// Makes `provider` answer Tab.
    func install(_ provider: @escaping Provider) {
        self.provider = provider
        naslab_rl_set_word_break_characters(Self.wordBreaks)
        naslab_rl_set_completion_append_character(0)
        naslab_rl_set_attempted_completion(attemptCompletion)
    }

    /// The matches for libedit's word `word`, which ends at byte offset `end` of `line`.
    func matches(word: String, line: String, end: Int) -> [String] {
        guard let provider else { return [] }
        let bytes = Array(line.utf8)
        let before = String(decoding: bytes[0..<min(max(0, end), bytes.count)], as: UTF8.self)
        let (start, candidates) = provider(line, before.count)
        return Completion(start: start, candidates: candidates)
            .candidates(fromWordStart: max(0, before.count - word.count), before: before)
            .filter { $0.hasPrefix(word) }
    }

    fileprivate func prepare(word: String, line: String, end: Int) {
        matches = matches(word: word, line: line, end: end)
        nextMatch = 0
    }

    fileprivate func next() -> String? {
        guard nextMatch < matches.count else { return nil }
        defer { nextMatch += 1 }
        return matches[nextMatch]
    }
}

/// libedit's attempted-completion hook: computes the matches and stops filename completion.
private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    naslab_rl_set_attempted_completion_over(1)
    let word = text.map { String(cString: $0) } ?? ""
    let line = naslab_rl_line_buffer().map { String(cString: $0) } ?? ""
    CompletionBridge.shared.prepare(word: word, line: line, end: Int(end))
    guard let text else { return nil }
    return rl_completion_matches(text, nextCompletionMatch)
}

/// libedit's generator: hands out one `strdup`ed match per call (libedit frees them).
private func nextCompletionMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let match = CompletionBridge.shared.next() else { return nil }
    return naslab_strdup(match)
}
