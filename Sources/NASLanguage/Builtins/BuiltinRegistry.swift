import NASCore

/// The one registry of builtins and help topics; `help`, `?NAME` and completion read it.
///
/// To add an area's builtins, write `Sources/NASLanguage/Builtins/<Area>Builtins.swift` with
/// `extension BuiltinRegistry { func registerAreaBuiltins() { register(Builtin(…)) … } }`
/// and add one call to `registerAllAreas()` in `BuiltinRegistry+Areas.swift`.
public final class BuiltinRegistry {
    private var builtins: [String: Builtin] = [:]
    private var topics: [String: HelpTopic] = [:]
    /// The concept pages `help concepts` lists (nil in a registry made without them).
    public private(set) var concepts: ConceptLibrary?
    /// Why the shipped concept pages could not be read, if they could not.
    public private(set) var conceptProblem: ConceptError?

    /// Creates an empty registry (see `standard()` for the full one).
    public init() {}

    /// A registry with every area's builtins and topics.
    public static func standard() -> BuiltinRegistry {
        let registry = BuiltinRegistry()
        registry.registerAllAreas()
        switch ConceptLibrary.shipped {
        case .success(let library): registry.concepts = library
        case .failure(let problem): registry.conceptProblem = problem
        }
        return registry
    }

    /// Adds (or replaces) a builtin.
    ///
    /// Two builtins of one name are a programming error (the second would hide the first), caught at startup.
    public func register(_ builtin: Builtin) {
        precondition(builtins[builtin.name] == nil, "two builtins are named '\(builtin.name)'")
        builtins[builtin.name] = builtin
    }

    /// Replaces a registered builtin with a changed copy (a sandbox confines file arguments, for instance).
    public func replace(_ builtin: Builtin) {
        precondition(builtins[builtin.name] != nil, "there is no builtin '\(builtin.name)' to replace")
        builtins[builtin.name] = builtin
    }

    /// Removes a builtin (a fuzzer removes `sleep`, for instance).
    public func remove(_ name: String) { builtins[name] = nil }

    /// Adds (or replaces) a help topic.
    public func register(topic: HelpTopic) { topics[topic.name] = topic }

    /// The builtin with this name.
    public func lookup(_ name: String) -> Builtin? { builtins[name] }

    /// Every builtin name, sorted.
    public var names: [String] { builtins.keys.sorted() }

    /// Every builtin, sorted by name.
    public var all: [Builtin] { names.map { builtins[$0]! } }

    /// Every help topic name (builtins and other topics), sorted.
    public var topicNames: [String] {
        Set(builtins.keys).union(topics.keys).union(concepts?.pages.map(\.name) ?? []).union(["concepts"]).sorted()
    }

    // MARK: - Binding

    /// Binds positional and keyword arguments to a builtin's parameters, checking kinds.
    ///
    /// Throws a `BuiltinError` naming the argument at fault: an unknown keyword (with the
    /// closest parameter name), a missing required argument, too many arguments, a wrong kind.
    func bind(_ builtin: Builtin, positional: [Value], keywords: [(String, Value)]) throws -> (arguments: [String: Value], rest: [Value], given: Set<String>) {
        var values: [String: Value] = [:]
        var given = Set<String>()
        var rest: [Value] = []
        let positionalParameters = builtin.parameters.filter { !$0.keywordOnly }
        for (i, value) in positional.enumerated() {
            if i < positionalParameters.count {
                values[positionalParameters[i].name] = value
                given.insert(positionalParameters[i].name)
            } else if builtin.variadic != nil {
                rest.append(value)
            } else {
                throw BuiltinError("\(builtin.name)() takes at most \(positionalParameters.count) positional argument\(positionalParameters.count == 1 ? "" : "s"), got \(positional.count); see 'help \(builtin.name)'")
            }
        }
        for (name, value) in keywords {
            guard builtin.parameters.contains(where: { $0.name == name }) else {
                let names = builtin.parameters.map(\.name)
                let known = names.isEmpty ? "it takes no keyword arguments" : "its arguments: " + names.joined(separator: ", ")
                throw BuiltinError("\(builtin.name)() has no argument '\(name)'\(Spelling.didYouMean(name, among: names)) (\(known))", argument: name)
            }
            if given.contains(name) { throw BuiltinError("argument '\(name)' of \(builtin.name)() is given twice", argument: name) }
            values[name] = value
            given.insert(name)
        }
        for parameter in builtin.parameters {
            guard let value = values[parameter.name] else {
                guard let fallback = parameter.defaultValue else {
                    throw BuiltinError("\(builtin.name)() needs the argument '\(parameter.name)' (\(parameter.kind.noun)); see 'help \(builtin.name)'")
                }
                values[parameter.name] = fallback
                continue
            }
            if !parameter.kind.accepts(value), !(value.isNone && parameter.defaultValue?.isNone == true) {
                throw BuiltinError("argument '\(parameter.name)' of \(builtin.name)() \(parameter.kind.requirement(for: value)), got \(value.kindDescription)", argument: parameter.name)
            }
        }
        if let variadic = builtin.variadic {
            for value in rest where !variadic.kind.accepts(value) {
                throw BuiltinError("\(builtin.name)() takes \(variadic.kind.noun) for each of its \(variadic.name), got \(value.kindDescription)")
            }
        }
        return (values, rest, given)
    }

    // MARK: - Help

    /// The help page for a name, or nil when there is none.
    ///
    /// A concept page wins over a builtin of the same name (it shows the builtin's signature and
    /// arguments itself); a builtin's page ends by naming the concepts it belongs to.
    public func helpText(for name: String) -> String? {
        if name == "concepts" { return concepts?.overview() ?? "The concept pages are unavailable: \(conceptProblem.map { "\($0)" } ?? "none were loaded")." }
        if let concept = concepts?.page(named: name) { return concept.render(registry: self) }
        if let text = builtinPage(for: name) { return text }
        if let t = topics[name] {
            return page(title: t.name, category: t.category, text: t.help, parameters: [], example: t.example, paper: t.paper)
        }
        return nil
    }

    /// A builtin's own page (`help(darts)`, `show darts`): signature, help, arguments, example, paper
    /// and the concepts it belongs to; nil when there is no such builtin.
    public func builtinPage(for name: String) -> String? {
        guard let b = builtins[name] else { return nil }
        return page(title: b.signatureText, category: b.category, text: b.help.isEmpty ? b.summary : b.help,
                    parameters: b.parameters, example: b.example, paper: b.paper) + conceptLine(for: name)
    }

    /// "Concept: help X" under a builtin's page, for the concepts that name it.
    private func conceptLine(for builtin: String) -> String {
        let about = concepts?.pages(about: builtin) ?? []
        return about.isEmpty ? "" : "\n\nConcept: " + about.map { "help \($0.name)" }.joined(separator: ", ")
    }

    /// The closest topic name to a misspelt one.
    public func suggestion(for name: String) -> String? { Spelling.suggestion(for: name, among: topicNames) }

    /// The overview `help` prints: every builtin and topic by category, with its one-line summary.
    public func overview() -> String {
        var byCategory: [String: [(String, String)]] = [:]
        for b in builtins.values { byCategory[b.category, default: []].append((b.name, b.summary)) }
        for t in topics.values where builtins[t.name] == nil { byCategory[t.category, default: []].append((t.name, t.summary)) }
        var lines = ["naslab help: 'help NAME' or '?NAME' shows one page; 'help concepts' lists the ideas of NAS in teaching order.", ""]
        for category in byCategory.keys.sorted(by: Self.categoryOrder) {
            lines.append("\(category):")
            let entries = byCategory[category]!.sorted { $0.0 < $1.0 }
            let width = min(14, entries.map(\.0.count).max() ?? 0)
            for (name, summary) in entries {
                lines.append("  " + name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) + "  " + summary)
            }
            lines.append("")
        }
        lines.removeLast()
        return lines.joined(separator: "\n")
    }

    static func categoryOrder(_ a: String, _ b: String) -> Bool {
        let first = ["language", "core", "tables", "table verbs"]
        let ia = first.firstIndex(of: a) ?? first.count, ib = first.firstIndex(of: b) ?? first.count
        return ia != ib ? ia < ib : a < b
    }

    private func page(title: String, category: String, text: String, parameters: [Parameter], example: String?, paper: String?) -> String {
        var lines = ["\(title)    [\(category)]", ""] + text.wrappedLines(width: 78)
        let documented = parameters.filter { !$0.help.isEmpty }
        if !documented.isEmpty {
            lines.append("")
            lines.append("Arguments:")
            for p in documented { lines.append("  \(p.name): \(p.help)") }
        }
        if let example {
            lines.append("")
            lines.append("Example:")
            lines.append(contentsOf: example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
        }
        if let paper {
            lines.append("")
            lines.append("Paper: \(paper)")
        }
        return lines.joined(separator: "\n")
    }
}
