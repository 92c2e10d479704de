/// How much effort an evaluation spends: epochs for training or table lookups, a data fraction.
public struct Fidelity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Training epochs (or the table's epoch column), if the evaluator has epochs.
    public var epochs: Int?
    /// Fraction of the training data used, 1 when all.
    public var dataFraction: Double

    /// Creates a fidelity.
    public init(epochs: Int? = nil, dataFraction: Double = 1) {
        self.epochs = epochs
        self.dataFraction = dataFraction
    }

    /// The evaluator's own default.
    public static let full = Fidelity()

    /// Whether this is `full`, the evaluator's own default (checked without loading the shared value).
    @inlinable public var isFull: Bool { epochs == nil && dataFraction == 1 }

    public var description: String {
        var parts: [String] = []
        if let e = epochs { parts.append("epochs=\(e)") }
        if dataFraction != 1 { parts.append("data=\(dataFraction)") }
        return parts.isEmpty ? "full" : parts.joined(separator: ",")
    }
}
