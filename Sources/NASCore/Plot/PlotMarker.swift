/// The marker of the n-th series: a distinct glyph in the terminal and a distinct shape and colour in SVG,
/// so that series stay apart without colour.
public struct PlotMarker: Sendable, Hashable {
    /// The series' position among the plot's series.
    public var index: Int

    /// The marker of series `index`.
    public init(_ index: Int) { self.index = index }

    /// The terminal glyphs, in series order.
    public static let glyphs: [Character] = ["•", "+", "×", "o", "*", "#", "◆", "△"]

    /// The SVG shapes, in series order.
    public enum Shape: String, Sendable, CaseIterable {
        /// A circle.
        case circle
        /// A square.
        case square
        /// A triangle pointing up.
        case triangle
        /// A diamond.
        case diamond
    }

    /// The SVG colours (a colour-blind-safe palette, Okabe & Ito 2008), in series order.
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// This series' terminal glyph.
    public var glyph: Character { Self.glyphs[index % Self.glyphs.count] }

    /// This series' SVG shape.
    public var shape: Shape { Shape.allCases[index % Shape.allCases.count] }

    /// This series' SVG colour.
    public var colour: String { Self.colours[index % Self.colours.count] }
}
