import Foundation

/// Decides what Tab completes in a REPL line: dot-commands, file paths (inside a string or after
/// `.load`/`.save`/`.save!`), or the language's names, members and keyword arguments.
public struct LineCompleter {
    /// The language's completions for a line and a cursor (character offset).
    public let language: (String, Int) -> [String]
    /// The folder relative paths start from.
    public let directory: URL

    /// Creates a completer asking `language` for names and listing files under `directory`.
    public init(directory: URL, language: @escaping (String, Int) -> [String]) {
        self.directory = directory
        self.language = language
    }

    /// The completion at `cursor` (a character offset into `line`).
    public func complete(line: String, cursor: Int) -> Completion {
        let before = String(line.prefix(cursor))
        if DotCommand.isCommandLine(before), !before.contains(" ") {
            return Completion(start: 0, candidates: DotCommand.names.filter { $0.hasPrefix(before) })
        }
        if let argument = Self.dotCommandPathStart(before) {
            return pathCompletion(before, from: argument)
        }
        if let quote = Self.openStringStart(before) {
            return pathCompletion(before, from: quote)
        }
        return languageCompletion(line: line, before: before, cursor: cursor)
    }

    /// Where the file argument of `.load`, `.save` or `.save!` starts, if the line is one of those.
    static func dotCommandPathStart(_ before: String) -> Int? {
        for command in [".load ", ".save ", ".save! "] where before.hasPrefix(command) {
            return command.count
        }
        return nil
    }

    /// Where the text of a string literal still open at the end of `before` starts, or nil.
    static func openStringStart(_ before: String) -> Int? {
        var start: Int?
        var quote: Character?
        var escaped = false
        for (offset, character) in before.enumerated() {
            if escaped { escaped = false; continue }
            if character == "\\", quote != nil { escaped = true; continue }
            if let open = quote {
                if character == open { quote = nil; start = nil }
            } else if character == "#" {
                return nil
            } else if character == "\"" || character == "'" {
                quote = character
                start = offset + 1
            }
        }
        return start
    }

    private func pathCompletion(_ before: String, from start: Int) -> Completion {
        let partial = String(before.dropFirst(start))
        let slash = partial.lastIndex(of: "/")
        let folderPart = slash.map { String(partial[...$0]) } ?? ""
        let namePrefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let folder = folderPart.hasPrefix("/") ? URL(fileURLWithPath: folderPart)
            : directory.appendingPathComponent(folderPart)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let candidates = names
            .filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { name -> String in
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                return folderPart + name + (isFolder.boolValue ? "/" : "")
            }
        return Completion(start: start, candidates: candidates)
    }

    private func languageCompletion(line: String, before: String, cursor: Int) -> Completion {
        let candidates = language(line, cursor)
        let word = Self.trailingWord(of: before, allowing: { $0.isLetter || $0.isNumber || $0 == "_" })
        let dotted = Self.trailingWord(of: before, allowing: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
        for prefix in [word, dotted, before] where !candidates.isEmpty && candidates.allSatisfy({ $0.hasPrefix(prefix) }) {
            return Completion(start: before.count - prefix.count, candidates: candidates)
        }
        return Completion(start: before.count - word.count, candidates: candidates.filter { $0.hasPrefix(word) })
    }

    /// The longest run at the end of `text` made of characters `allowing` accepts.
    static func trailingWord(of text: String, allowing: (Character) -> Bool) -> String {
        String(text.reversed().prefix(while: allowing).reversed())
    }
}
