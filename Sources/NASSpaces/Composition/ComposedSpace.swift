import Foundation
import NASCore

/// A search space composed from `SpaceSpec` primitives: choices, alternatives, repeats with a
/// depth range, input choices, cells and stacks.
///
/// Decisions switched off by a structural choice (repetitions beyond the depth, branches not
/// taken) hold 0; `size` counts each member once, `sample` is uniform over members, `mutate`
/// changes one active decision (a depth change adds or removes a repetition, an input flag adds
/// or drops a skip) and fills newly active decisions at random. The canonical text lists the
/// active decisions as `name=value` pairs.
public struct ComposedSpace: SearchSpace {
    /// The space's name.
    public let name: String
    /// The spec the space was built from.
    public let spec: SpaceSpec
    /// The decisions, in token order (repetitions and branches laid out in full).
    public let decisions: [Decision]
    /// What the space is, as its author described it.
    public let help: String
    /// Where the space comes from.
    public let paper: String
    /// The input shape networks are decoded for by default.
    public let defaultInput: TensorShape
    /// The class count networks are decoded for by default.
    public let defaultClasses: Int
    let root: SpecNode
    private let indexByName: [String: Int]

    /// Compiles a spec; throws a `SpaceError` naming the part that is malformed.
    public init(name: String, spec: SpaceSpec, help: String = "", paper: String = "",
                defaultInput: TensorShape = TensorShape(channels: 3, height: 32, width: 32), defaultClasses: Int = 10) throws {
        var decisions: [Decision] = []
        root = try SpecNode.compile(spec, path: "", iteration: nil, offset: 0, decisions: &decisions)
        var seen = Set<String>()
        for d in decisions where !seen.insert(d.name).inserted {
            throw SpaceError("two decisions are both named '\(d.name)'; give them different names")
        }
        self.name = name
        self.spec = spec
        self.decisions = decisions
        self.help = help
        self.paper = paper
        self.defaultInput = defaultInput
        self.defaultClasses = defaultClasses
        indexByName = Dictionary(uniqueKeysWithValues: decisions.enumerated().map { ($1.name, $0) })
    }

    public var size: BigCount { root.count }

    /// Which decisions count for these tokens.
    public func activeMask(_ tokens: [Int]) -> [Bool] {
        var active = [Bool](repeating: false, count: decisions.count)
        root.markActive(tokens, &active)
        return active
    }

    public func validate(_ architecture: Architecture) throws {
        guard architecture.space == name else {
            throw SpaceError("architecture belongs to space '\(architecture.space)', not '\(name)'")
        }
        guard architecture.tokenCount == decisions.count else {
            throw SpaceError("\(name) expects \(decisions.count) decisions, got \(architecture.tokenCount)")
        }
        for (d, t) in zip(decisions, architecture.tokens) where !(0..<d.count).contains(t) {
            throw SpaceError("decision '\(d.name)' has \(d.count) options; \(t) is out of range")
        }
        for (i, on) in activeMask(architecture.tokens).enumerated() where !on && architecture.token(at: i) != 0 {
            throw SpaceError("decision '\(decisions[i].name)' is switched off by the depth or branch chosen, so it must hold 0")
        }
    }

    public func sample(using rng: inout SeededRandom) -> Architecture {
        var tokens = [Int](repeating: 0, count: decisions.count)
        root.sample(&tokens, &rng)
        return Architecture(space: name, tokens: tokens)
    }

    /// Sets inactive positions to 0 and fills newly active ones with `fill`, until stable.
    func settle(_ tokens: [Int], previous: [Bool], fill: (Int) -> Int) -> [Int] {
        var t = tokens
        var known = previous
        while true {
            let active = activeMask(t)
            var changed = false
            for i in t.indices {
                if !active[i] && t[i] != 0 { t[i] = 0; changed = true }
                if active[i] && !known[i] { t[i] = fill(i); known[i] = true; changed = true }
            }
            if !changed { return t }
        }
    }

    public func mutate(_ architecture: Architecture, using rng: inout SeededRandom) -> Architecture {
        let active = activeMask(architecture.tokens)
        let movable = decisions.indices.filter { active[$0] && decisions[$0].count > 1 }
        guard !movable.isEmpty else { return architecture }
        let i = movable[rng.nextInt(below: movable.count)]
        var t = architecture.tokens
        t[i] = (t[i] + 1 + rng.nextInt(below: decisions[i].count - 1)) % decisions[i].count
        let settled = settle(t, previous: active) { rng.nextInt(below: decisions[$0].count) }
        return Architecture(space: name, tokens: settled)
    }

    public func neighbors(_ architecture: Architecture) -> [Architecture] {
        let active = activeMask(architecture.tokens)
        var result: [Architecture] = []
        for i in decisions.indices where active[i] {
            for option in 0..<decisions[i].count where option != architecture.token(at: i) {
                var t = architecture.tokens
                t[i] = option
                result.append(Architecture(space: name, tokens: settle(t, previous: active) { _ in 0 }))
            }
        }
        return result
    }

    /// Takes each decision from a random parent, then repairs what the structure switched on or off.
    public func crossover(_ a: Architecture, _ b: Architecture, using rng: inout SeededRandom) -> Architecture {
        let t = zip(a.tokens, b.tokens).map { rng.nextInt(below: 2) == 0 ? $0.0 : $0.1 }
        let eitherActive = zip(activeMask(a.tokens), activeMask(b.tokens)).map { $0 || $1 }
        let repaired = settle(t, previous: eitherActive) { _ in 0 }
        return Architecture(space: name, tokens: repaired)
    }

    public func enumerate(limit: Int) throws -> [Architecture] {
        guard let n = size.intValue, n <= limit else {
            throw SpaceError("\(name) has \(size) architectures, more than the limit of \(limit) for enumeration")
        }
        return root.members().map { Architecture(space: name, tokens: $0) }
    }

    /// `name=value` for every active decision, joined by `, `.
    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let active = activeMask(architecture.tokens)
        return decisions.indices.filter { active[$0] }.map { i in
            let t = architecture.token(at: i)
            return "\(decisions[i].name)=\(decisions[i].options.indices.contains(t) ? decisions[i].options[t] : "?")"
        }.joined(separator: ", ")
    }

    public func parse(_ text: String) throws -> Architecture {
        var values: [String: String] = [:]
        for pair in text.split(separator: ",").map({ $0.trimmed() }) where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw SpaceError("'\(pair)' is not name=value") }
            values[kv[0]] = kv[1]
        }
        var tokens = [Int](repeating: 0, count: decisions.count)
        var given = [Bool](repeating: false, count: decisions.count)
        for (key, value) in values {
            guard let i = indexByName[key] else { throw SpaceError("'\(key)' is not a decision of \(name)") }
            guard let t = decisions[i].options.firstIndex(of: value) else {
                throw SpaceError("decision '\(key)': '\(value)' is not one of \(decisions[i].options.joined(separator: ", "))")
            }
            tokens[i] = t
            given[i] = true
        }
        let active = activeMask(tokens)
        if let i = decisions.indices.first(where: { active[$0] && !given[$0] }) {
            throw SpaceError("decision '\(decisions[i].name)' is missing")
        }
        if let i = decisions.indices.first(where: { given[$0] && !active[$0] }) {
            throw SpaceError("'\(decisions[i].name)' is not a decision of this architecture (switched off by a depth or branch)")
        }
        return Architecture(space: name, tokens: tokens)
    }
}

extension ComposedSpace {
    /// The active decisions, one line per repetition of the outermost repeat (or per decision).
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let active = activeMask(architecture.tokens)
        var lines = ["\(name) (\(decisions.indices.filter { active[$0] }.count) active decisions)"]
        var current: (key: String, parts: [String])?
        for i in decisions.indices where active[i] {
            let d = decisions[i]
            let value = d.options.indices.contains(architecture.token(at: i)) ? d.options[architecture.token(at: i)] : "?"
            let key = d.name.firstIndex(of: "]").map { String(d.name[...$0]) } ?? d.name
            let rest = d.name.count > key.count ? String(d.name.dropFirst(key.count + 1)) : ""
            let part = rest.isEmpty ? value : "\(rest.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "", options: .regularExpression))=\(value)"
            if current?.key == key {
                current?.parts.append(part)
            } else {
                if let c = current { lines.append("  \(c.key): " + c.parts.joined(separator: ", ")) }
                current = (key, [part])
            }
        }
        if let c = current { lines.append("  \(c.key): " + c.parts.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
