/// A result's named metrics, addressed by `MetricKey`.
///
/// Up to `inlineCapacity` metrics are kept inline, sorted by key, so copying a result copies a few
/// words and finding a metric compares small numbers: no heap storage, no reference counting, no
/// hashing of names. More metrics than that live in a dictionary. Either way the same metrics give
/// the same representation, so equality and hashing compare representations.
public struct MetricValues: Sendable, Hashable, Sequence {
    /// How many metrics fit inline.
    public static let inlineCapacity = 8

    /// The number of metrics kept inline (0 when they are in `overflow`).
    @usableFromInline var inlineCount: Int
    /// The inline metrics' key numbers, ascending, in `0..<inlineCount`.
    @usableFromInline var keys: EightKeys
    /// The inline metrics' values, in the order of `keys`.
    @usableFromInline var values: EightValues
    /// Every metric, when there are more than fit inline (in a class, so that copying a result without
    /// overflow retains nothing).
    @usableFromInline var overflowStorage: MetricOverflow?

    /// Every metric, when there are more than fit inline.
    var overflow: [MetricKey: Double]? {
        get { overflowStorage?.metrics }
        set { overflowStorage = newValue.map(MetricOverflow.init) }
    }

    /// No metrics.
    public init() {
        inlineCount = 0
        keys = EightKeys()
        values = EightValues()
        overflowStorage = nil
    }

    /// The metrics of a dictionary keyed by name.
    public init(_ metrics: [String: Double]) {
        self.init()
        for (name, value) in metrics { self[MetricKey(name)] = value }
    }

    /// The metrics of key–value pairs; a later pair for the same key replaces an earlier one.
    public init(_ pairs: KeyValuePairs<MetricKey, Double>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of metrics.
    public var count: Int { overflow?.count ?? inlineCount }

    /// Whether there is no metric.
    public var isEmpty: Bool { count == 0 }

    /// The value of a metric, if present.
    @inlinable public func value(of key: MetricKey) -> Double? {
        if let overflowStorage { return overflowStorage.metrics[key] }
        for i in 0..<inlineCount where keys[i] == key.number { return values[i] }
        return nil
    }

    /// The value of a metric by name, if present (hot paths use a `MetricKey` made once instead).
    public func value(of name: String) -> Double? {
        MetricKey.existing(name).flatMap(value(of:))
    }

    /// Reads, sets or (with nil) removes a metric.
    public subscript(key: MetricKey) -> Double? {
        get { value(of: key) }
        set {
            if let newValue { set(newValue, for: key) } else { remove(key) }
        }
    }

    /// The metrics as a dictionary keyed by name.
    public var dictionary: [String: Double] {
        var result: [String: Double] = [:]
        result.reserveCapacity(count)
        for (key, value) in self { result[key.name] = value }
        return result
    }

    /// The metrics, ascending by key when inline.
    public func makeIterator() -> Array<(key: MetricKey, value: Double)>.Iterator {
        if let overflow { return overflow.map { (key: $0.key, value: $0.value) }.makeIterator() }
        return (0..<inlineCount).map { (key: MetricKey(number: keys[$0]), value: values[$0]) }.makeIterator()
    }

    public static func == (a: MetricValues, b: MetricValues) -> Bool {
        guard a.inlineCount == b.inlineCount, a.overflow == b.overflow else { return false }
        for i in 0..<a.inlineCount where a.keys[i] != b.keys[i] || a.values[i] != b.values[i] { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inlineCount)
        for i in 0..<inlineCount {
            hasher.combine(keys[i])
            hasher.combine(values[i])
        }
        hasher.combine(overflow)
    }

    /// Sets one metric, keeping the inline keys sorted and moving everything to the dictionary past capacity.
    private mutating func set(_ value: Double, for key: MetricKey) {
        if overflow != nil {
            overflow![key] = value
            return
        }
        var position = 0
        while position < inlineCount && keys[position] < key.number { position += 1 }
        if position < inlineCount && keys[position] == key.number {
            values[position] = value
            return
        }
        guard inlineCount < MetricValues.inlineCapacity else {
            var all = Dictionary(uniqueKeysWithValues: Array(self))
            all[key] = value
            self = MetricValues()
            overflow = all
            return
        }
        var i = inlineCount
        while i > position {
            keys[i] = keys[i - 1]
            values[i] = values[i - 1]
            i -= 1
        }
        keys[position] = key.number
        values[position] = value
        inlineCount += 1
    }

    /// Removes one metric, moving the rest inline when they fit again.
    private mutating func remove(_ key: MetricKey) {
        if var all = overflow {
            all[key] = nil
            guard all.count <= MetricValues.inlineCapacity else {
                overflow = all
                return
            }
            self = MetricValues()
            for (k, v) in all { set(v, for: k) }
            return
        }
        guard let position = (0..<inlineCount).first(where: { keys[$0] == key.number }) else { return }
        for i in position..<(inlineCount - 1) {
            keys[i] = keys[i + 1]
            values[i] = values[i + 1]
        }
        inlineCount -= 1
        keys[inlineCount] = 0
        values[inlineCount] = 0
    }
}

/// The metrics of a result with more than `MetricValues.inlineCapacity` of them.
@usableFromInline final class MetricOverflow: Sendable {
    /// Every metric.
    @usableFromInline let metrics: [MetricKey: Double]

    /// Holds `metrics`.
    init(_ metrics: [MetricKey: Double]) {
        self.metrics = metrics
    }
}

/// Eight key numbers stored in place (a tuple: copying it is copying 32 bytes).
@usableFromInline struct EightKeys: Sendable {
    /// The numbers.
    @usableFromInline var storage: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)

    /// Eight zeros.
    init() {}

    /// Number `i` (`0 <= i < 8`).
    @inlinable subscript(i: Int) -> Int32 {
        get {
            precondition(i >= 0 && i < 8, "metric slot out of range")
            return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: i &* 4, as: Int32.self) }
        }
        set {
            precondition(i >= 0 && i < 8, "metric slot out of range")
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: newValue, toByteOffset: i &* 4, as: Int32.self) }
        }
    }
}

/// Eight values stored in place (a tuple: copying it is copying 64 bytes).
@usableFromInline struct EightValues: Sendable {
    /// The values.
    @usableFromInline var storage: (Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0)

    /// Eight zeros.
    init() {}

    /// Value `i` (`0 <= i < 8`).
    @inlinable subscript(i: Int) -> Double {
        get {
            precondition(i >= 0 && i < 8, "metric slot out of range")
            return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: i &* 8, as: Double.self) }
        }
        set {
            precondition(i >= 0 && i < 8, "metric slot out of range")
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: newValue, toByteOffset: i &* 8, as: Double.self) }
        }
    }
}
