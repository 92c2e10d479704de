import NASCore

/// A unit a user's table may give its numbers in, and how it converts to naslab's base units.
public struct MetricUnit: Sendable, Hashable, CustomStringConvertible {
    /// What a unit measures; a metric accepts only units of its own kind.
    public enum Kind: String, Sendable, Hashable {
        /// Accuracies and other fractions.
        case fraction = "an accuracy (fraction or %)"
        /// Durations.
        case time = "a time"
        /// Memory sizes.
        case bytes = "an amount of memory"
        /// Counts such as parameters and FLOPs.
        case count = "a count"
        /// Unitless numbers.
        case scalar = "a plain number"
    }

    /// The unit as written (`ms`, `%`).
    public let symbol: String
    /// What it measures.
    public let kind: Kind
    /// Multiply a value in this unit by `factor` to get base units.
    public let factor: Double

    /// The symbol.
    public var description: String { symbol }

    /// Every unit naslab reads, by symbol.
    public static let known: [String: MetricUnit] = {
        let list: [(String, Kind, Double)] = [
            ("fraction", .fraction, 1), ("%", .fraction, 0.01), ("percent", .fraction, 0.01),
            ("ns", .time, 1e-9), ("us", .time, 1e-6), ("µs", .time, 1e-6), ("ms", .time, 1e-3), ("s", .time, 1),
            ("min", .time, 60), ("h", .time, 3600),
            ("B", .bytes, 1), ("KB", .bytes, 1e3), ("MB", .bytes, 1e6), ("GB", .bytes, 1e9),
            ("KiB", .bytes, 1024), ("MiB", .bytes, 1_048_576), ("GiB", .bytes, 1_073_741_824),
            ("count", .count, 1), ("k", .count, 1e3), ("M", .count, 1e6), ("G", .count, 1e9),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.0, MetricUnit(symbol: $0.0, kind: $0.1, factor: $0.2)) })
    }()

    /// Reads a unit symbol; throws a message listing the units there are.
    public static func named(_ symbol: String) throws -> MetricUnit {
        if let unit = known[symbol] { return unit }
        throw BenchmarkError("'\(symbol)' is not a unit naslab knows; use one of \(known.keys.sorted().joined(separator: ", "))"
            + NameSuggestion.hint(for: symbol, among: Array(known.keys)))
    }

    /// The kind of value a metric holds, from its name (`accuracy` → fraction, `latency` → time).
    public static func kind(ofMetric name: String) -> Kind {
        let quantity = MetricCatalogue.quantity(name, 0)
        switch (quantity.dimension, quantity.hint) {
        case (.time, _): return .time
        case (.bytes, _): return .bytes
        case (_, .percent): return .fraction
        case (_, .count): return .count
        default: return .scalar
        }
    }

    /// The unit a metric's numbers are in when the user names none.
    public static func defaultUnit(ofMetric name: String) -> MetricUnit {
        switch kind(ofMetric: name) {
        case .fraction: return known["fraction"]!
        case .time: return known["s"]!
        case .bytes: return known["B"]!
        case .count, .scalar: return known["count"]!
        }
    }

    /// Whether values in this unit may be given for a metric of `kind`.
    public func fits(_ kind: Kind) -> Bool {
        self.kind == kind || (kind == .scalar && self.kind == .count)
    }

    /// Reads a number with an optional unit suffix (`12.5`, `12.5ms`, `93.2%`) into base units.
    ///
    /// A number without a suffix is in `unit`; a suffix must be a unit of `kind`. The message of a
    /// thrown error says what is wrong with the text, without a location.
    public static func value(of text: String, unit: MetricUnit, kind: Kind) throws -> Double {
        let trimmed = CSVDocument.trimmed(text)
        guard !trimmed.isEmpty else { throw BenchmarkError("the value is empty") }
        let numberEnd = trimmed.firstIndex { !("0123456789.+-eE".contains($0)) } ?? trimmed.endIndex
        var numberText = String(trimmed[..<numberEnd])
        var suffix = CSVDocument.trimmed(String(trimmed[numberEnd...]))
        if numberEnd == trimmed.startIndex, ["nan", "inf", "+inf", "-inf"].contains(trimmed.lowercased()) {
            (numberText, suffix) = (trimmed.lowercased(), "")
        }
        guard let number = Double(numberText) else { throw BenchmarkError("'\(text)' is not a number") }
        guard number.isFinite else { throw BenchmarkError("'\(text)' is not a finite number") }
        if suffix.isEmpty { return number * unit.factor }
        guard let given = known[suffix] else { throw BenchmarkError("'\(text)' has the unknown unit '\(suffix)'") }
        guard given.fits(kind) else {
            throw BenchmarkError("'\(text)' is \(given.kind.rawValue), but the column holds \(kind.rawValue)")
        }
        return number * given.factor
    }
}
