import Foundation

/// One concept of the field explained in a screenful: the idea, the formula, what naslab
/// exposes, what goes wrong, and lines to try.
///
/// Pages are Markdown files in `Resources/Concepts/<name>.md`:
///
/// ```
/// # darts — DARTS: differentiable architecture search
/// part: one-shot
/// builtins: darts, alphas, supernet
/// samples: 09-darts-gdas.nas
/// paper: Liu, Simonyan & Yang, "DARTS: Differentiable Architecture Search", ICLR 2019
/// see: one-shot, gdas
///
/// The idea …
///
/// ## Formula
/// …
/// ## In naslab
/// …
/// ## What goes wrong
/// …
/// ## Try it
///     code
/// ```
public struct ConceptPage: Sendable, Equatable {
    /// The name `help NAME` looks up (`darts`, `latency-correction`).
    public var name: String
    /// The one-line title after the name.
    public var title: String
    /// Where the concept sits in the survey's order.
    public var part: ConceptPart
    /// The builtins the concept is about.
    public var builtins: [String]
    /// The samples that show it (file names in `samples/`).
    public var samples: [String]
    /// The paper it comes from (empty when none).
    public var paper: String
    /// Related concepts.
    public var see: [String]
    /// The opening paragraph: the idea.
    public var idea: String
    /// The sections after the idea, by heading (`Formula`, `In naslab`, `What goes wrong`, `Try it`), in order.
    public var sections: [(heading: String, body: String)]

    /// The sections every page has, in this order (`Formula` may be left out).
    public static let requiredSections = ["In naslab", "What goes wrong", "Try it"]
    /// The header keys, in the order a page gives them.
    static let headerKeys = ["part", "builtins", "samples", "paper", "see"]

    /// The body of a section, or nil.
    public func section(_ heading: String) -> String? { sections.first { $0.heading == heading }?.body }

    /// The code of the `Try it` section, unindented.
    public var tryLines: [String] {
        (section("Try it") ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    public static func == (a: ConceptPage, b: ConceptPage) -> Bool {
        a.name == b.name && a.title == b.title && a.part == b.part && a.builtins == b.builtins && a.samples == b.samples
            && a.paper == b.paper && a.see == b.see && a.idea == b.idea
            && a.sections.map(\.heading) == b.sections.map(\.heading) && a.sections.map(\.body) == b.sections.map(\.body)
    }
}
