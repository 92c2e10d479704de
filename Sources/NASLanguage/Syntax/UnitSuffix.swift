import NASCore

/// The unit suffixes a number literal may carry, and what each one means.
public enum UnitSuffix {
    /// Suffix → (factor to base units, dimension, display hint).
    public static let table: [String: (factor: Double, dimension: Dimension, hint: DisplayHint)] = [
        "ns": (1e-9, .time, .plain), "us": (1e-6, .time, .plain), "µs": (1e-6, .time, .plain),
        "ms": (1e-3, .time, .plain), "s": (1, .time, .plain), "min": (60, .time, .plain), "h": (3600, .time, .plain),
        "B": (1, .bytes, .plain), "KB": (1e3, .bytes, .plain), "MB": (1e6, .bytes, .plain),
        "GB": (1e9, .bytes, .plain), "TB": (1e12, .bytes, .plain),
        "KiB": (1024, .bytes, .plain), "MiB": (1_048_576, .bytes, .plain),
        "GiB": (1_073_741_824, .bytes, .plain), "TiB": (1_099_511_627_776, .bytes, .plain),
        "k": (1e3, .scalar, .count), "M": (1e6, .scalar, .count), "G": (1e9, .scalar, .count),
        "%": (0.01, .scalar, .percent),
    ]

    /// The suffixes in the order the documentation lists them.
    public static let documented = ["ns", "us", "ms", "s", "min", "h", "B", "KB", "MB", "GB", "TB",
                                    "KiB", "MiB", "GiB", "TiB", "k", "M", "G", "%"]

    /// The quantity for a number with a suffix, or nil for an unknown suffix.
    public static func quantity(_ value: Double, suffix: String) -> Quantity? {
        if suffix.isEmpty { return Quantity(value) }
        guard let unit = table[suffix] else { return nil }
        return Quantity(value * unit.factor, unit.dimension, hint: unit.hint)
    }
}
