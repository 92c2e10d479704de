import Foundation

/// Every concept page, in teaching order: what `help concepts` lists and `help NAME` shows.
///
/// The order comes from `Resources/Concepts/index.md`: one `# part` heading per part, in the
/// survey's order, each followed by its concepts' names, one per line. Every page is in the
/// index exactly once, under its own part.
public struct ConceptLibrary: Sendable {
    /// The pages in teaching order.
    public let pages: [ConceptPage]
    private let byName: [String: Int]

    /// Reads the index and pages (`name → Markdown text`), checking that they agree.
    public init(index: String, pages texts: [String: String]) throws {
        let order = try Self.parseIndex(index)
        var pages: [ConceptPage] = []
        for (part, name) in order {
            guard let text = texts[name] else { throw ConceptError(page: name, "is in the index but has no file \(name).md") }
            let page = try ConceptPage(markdown: text, name: name)
            guard page.part == part else {
                throw ConceptError(page: name, "says part '\(page.part.rawValue)' but the index lists it under '\(part.rawValue)'")
            }
            pages.append(page)
        }
        if let stray = Set(texts.keys).subtracting(order.map(\.1)).sorted().first {
            throw ConceptError(page: stray, "has a file but is not in index.md")
        }
        self.pages = pages
        byName = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.name, $0) })
    }

    /// Reads `index.md` and every other `.md` file of a folder.
    public init(directory: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") }
        var texts: [String: String] = [:]
        for file in files where file != "index.md" {
            texts[String(file.dropLast(3))] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        let index = try String(contentsOf: directory.appendingPathComponent("index.md"), encoding: .utf8)
        try self.init(index: index, pages: texts)
    }

    /// The pages shipped with naslab, read once (an error when they are missing or malformed).
    public static let shipped: Result<ConceptLibrary, ConceptError> = {
        guard let folder = Bundle.module.url(forResource: "Resources/Concepts", withExtension: nil) else {
            return .failure(ConceptError(page: "index", "the concept pages are missing from naslab's resources"))
        }
        do { return .success(try ConceptLibrary(directory: folder)) } catch let error as ConceptError {
            return .failure(error)
        } catch {
            return .failure(ConceptError(page: "index", "cannot be read: \(error.localizedDescription)"))
        }
    }()

    /// The page of this name, or nil.
    public func page(named name: String) -> ConceptPage? { byName[name].map { pages[$0] } }

    /// The pages that are about a builtin, in teaching order.
    public func pages(about builtin: String) -> [ConceptPage] { pages.filter { $0.builtins.contains(builtin) } }

    /// The index as (part, name) pairs in order.
    private static func parseIndex(_ text: String) throws -> [(ConceptPart, String)] {
        var part: ConceptPart?
        var order: [(ConceptPart, String)] = []
        var seen = Set<String>()
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("# ") {
                let name = String(line.dropFirst(2))
                guard let next = ConceptPart(rawValue: name) else { throw ConceptError(page: "index", "'\(name)' is not a part") }
                part = next
            } else {
                guard let part else { throw ConceptError(page: "index", "'\(line)' comes before any '# part' heading") }
                guard seen.insert(line).inserted else { throw ConceptError(page: "index", "'\(line)' is listed twice") }
                order.append((part, line))
            }
        }
        return order
    }
}
