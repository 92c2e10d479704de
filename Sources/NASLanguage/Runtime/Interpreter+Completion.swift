import Foundation

extension Interpreter {
    /// Completion candidates for the word that ends at `cursor` (a character offset in `line`).
    ///
    /// Each candidate replaces that word: names of variables, builtins and keywords; fields
    /// after `x.`; keyword arguments (`seed:`) inside a call; verbs after `|`; columns of a
    /// table variable in a pipeline; help topics after `help` or `?`; and, inside a string,
    /// file paths (the word is then the path typed so far).
    public func completions(for line: String, cursor: Int) -> [String] {
        let prefix = String(line.prefix(max(0, min(cursor, line.count))))
        if let fragment = Self.openStringFragment(prefix) { return Self.pathCompletions(fragment) }
        let word = String(prefix.reversed().prefix { Self.isWordCharacter($0) }.reversed())
        let before = String(prefix.dropLast(word.count))
        var candidates: [String]
        if before.hasSuffix(".") {
            candidates = memberCandidates(receiver: String(before.dropLast()))
        } else if Self.isHelpContext(before) {
            candidates = registry.topicNames + VerbKind.names
        } else {
            candidates = keywordArgumentCandidates(before) + nameCandidates(before)
        }
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
    }

    private func nameCandidates(_ before: String) -> [String] {
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        var names: [String] = []
        if trimmed.hasSuffix("|") { names += VerbKind.names }
        if trimmed.contains("|") { names += pipelineColumns(trimmed) }
        names += variableNames + registry.names + TokenKind.keywords.keys.sorted()
        return names
    }

    /// `seed:`-style candidates for the innermost open call's function.
    private func keywordArgumentCandidates(_ before: String) -> [String] {
        guard let name = Self.openCallName(before) else { return [] }
        if let builtin = registry.lookup(name), globals.lookup(name) == nil {
            return builtin.parameters.map { $0.name + ":" }
        }
        if case .function(.user(let f))? = globals.lookup(name) {
            return f.decl.parameters.map { $0.name + ":" }
        }
        return []
    }

    /// The columns of the table a pipeline line starts from, when it starts with a variable.
    private func pipelineColumns(_ text: String) -> [String] {
        let head = text.prefix { Self.isWordCharacter($0) || $0 == "." }
        guard let value = resolve(String(head)), case .table(let t) = value else { return [] }
        return t.columns
    }

    private func memberCandidates(receiver: String) -> [String] {
        let chain = String(receiver.reversed().prefix { Self.isWordCharacter($0) || $0 == "." }.reversed())
        guard let value = resolve(chain) else { return [] }
        switch value {
        case .record(let r): return r.keys
        case .table(let t): return t.columns + ["columns", "rows"]
        case .object(let o): return o.memberNames
        default: return []
        }
    }

    /// The value of `a.b.c` through variables and fields, without calling anything.
    private func resolve(_ chain: String) -> Value? {
        let parts = chain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, var value = globals.lookup(first) else { return nil }
        for part in parts.dropFirst() {
            switch value {
            case .record(let r):
                guard let next = r[part] else { return nil }
                value = next
            case .object(let o):
                guard let next = try? o.member(part) else { return nil }
                value = next
            default:
                return nil
            }
        }
        return value
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    static func isHelpContext(_ before: String) -> Bool {
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        return trimmed == "?" || trimmed == "help"
    }

    /// The name of the function whose argument list is open at the end of `text`, if any: the
    /// innermost bracket still open must be a call's `(` (so `sample(nb201(), se` is inside `sample`).
    static func openCallName(_ text: String) -> String? {
        var inString: Character?
        var openBrackets: [String.Index] = []
        for i in text.indices {
            let c = text[i]
            if let q = inString { if c == q { inString = nil }; continue }
            switch c {
            case "\"", "'": inString = c
            case "(", "[", "{": openBrackets.append(i)
            case ")", "]", "}": _ = openBrackets.popLast()
            default: break
            }
        }
        guard let open = openBrackets.last, text[open] == "(" else { return nil }
        let head = text[..<open]
        let name = String(head.reversed().prefix { isWordCharacter($0) }.reversed())
        return name.isEmpty ? nil : name
    }

    /// The text typed inside a string that is still open at the end of `prefix`, if any.
    static func openStringFragment(_ prefix: String) -> String? {
        var quote: Character?
        var start = prefix.startIndex
        var escaped = false
        var index = prefix.startIndex
        while index < prefix.endIndex {
            let c = prefix[index]
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                start = prefix.index(after: index)
            } else if c == "#" {
                return nil
            }
            index = prefix.index(after: index)
        }
        return quote == nil ? nil : String(prefix[start...])
    }

    /// Paths that extend `fragment`; directories end with `/`; `~` stands for the home folder.
    static func pathCompletions(_ fragment: String) -> [String] {
        guard !fragment.contains("\0"), !fragment.contains(where: \.isNewline) else { return [] }
        let slash = fragment.lastIndex(of: "/")
        let typedDirectory = slash.map { String(fragment[...$0]) } ?? ""
        let partial = slash.map { String(fragment[fragment.index(after: $0)...]) } ?? fragment
        var directory = typedDirectory
        if directory.hasPrefix("~/") { directory = NSHomeDirectory() + "/" + directory.dropFirst(2) }
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return listing.filter { $0.hasPrefix(partial) && (partial.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory.isEmpty ? "" : directory) + name, isDirectory: &isDirectory)
            return typedDirectory + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}
