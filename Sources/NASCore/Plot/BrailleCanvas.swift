/// A grid of terminal cells, each a 2 × 4 block of dots drawn with a Unicode braille character (U+2800–U+28FF).
///
/// Pixels count from the top-left corner: x to the right (two per cell), y down (four per cell).
public struct BrailleCanvas: Sendable {
    /// Width in cells.
    public let columns: Int
    /// Height in cells.
    public let rows: Int
    private var bits: [UInt8]

    /// An empty canvas of `columns` × `rows` cells.
    public init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
    }

    /// Width in pixels.
    public var pixelWidth: Int { columns * 2 }
    /// Height in pixels.
    public var pixelHeight: Int { rows * 4 }

    /// The braille dot bit of the pixel at (dx, dy) within its cell (dx 0–1, dy 0–3).
    private static func dotBit(_ dx: Int, _ dy: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return dx == 0 ? left[dy] : right[dy]
    }

    /// Sets the pixel at (x, y); pixels outside the canvas are ignored.
    public mutating func set(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
        bits[(y / 4) * columns + x / 2] |= Self.dotBit(x % 2, y % 4)
    }

    /// Draws a straight line of pixels from one point to another, both ends included.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int)) {
        let steps = max(abs(b.x - a.x), abs(b.y - a.y))
        guard steps > 0 else { return set(a.x, a.y) }
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            set(a.x + Int((Double(b.x - a.x) * t).rounded()), a.y + Int((Double(b.y - a.y) * t).rounded()))
        }
    }

    /// The braille character of the cell at (column, row), or nil when none of its dots is set.
    public func character(column: Int, row: Int) -> Character? {
        let value = bits[row * columns + column]
        guard value != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(value)) else { return nil }
        return Character(scalar)
    }

    /// The whole canvas as text, one line per row, blank cells as spaces.
    public var text: String {
        (0..<rows).map { row in String((0..<columns).map { character(column: $0, row: row) ?? " " }) }
            .joined(separator: "\n")
    }
}
