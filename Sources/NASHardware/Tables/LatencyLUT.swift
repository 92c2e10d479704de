import NASCore
import NASSpaces

/// A latency look-up table of a blockwise space on one device: one entry per distinct part.
///
/// A plain table (`profile`) measures standalone, on the device, every distinct part a network
/// of the space can have (`BlockPart.key`: the stem, each position with each block it offers,
/// any fixed parts between blocks, the head), and predicts a network as the sum of its parts'
/// entries. That sum is wrong wherever the device's compiler fuses across part boundaries or a
/// call has a fixed overhead; `LUTCorrection` measures whole networks to correct it.
public struct LatencyLUT: Sendable, Hashable {
    /// What it was measured on and how.
    public var metadata: LUTMetadata
    /// Part key → latency and noise.
    public var entries: [String: LUTEntry]

    /// The key of a corrected table's fixed part (everything that is not a block, and the call overhead).
    public static let fixedKey = "fixed"

    /// A table from its metadata and entries.
    public init(metadata: LUTMetadata, entries: [String: LUTEntry]) {
        self.metadata = metadata
        self.entries = entries
    }

    /// The entries sorted by key.
    public var sortedEntries: [(key: String, entry: LUTEntry)] {
        entries.sorted { $0.key < $1.key }.map { (key: $0.key, entry: $0.value) }
    }

    /// Measures every distinct part of `space` standalone on `device` (see `distinctParts`).
    ///
    /// The networks end in a classifier of `classes` outputs (the space's own when nil); the table
    /// records them, and its corrections measure whole networks with the same classifier.
    /// `progress(done, total)` is called after each part; `cancel` is checked between and
    /// during measurements, so a long profile stops within one timed call.
    public static func profile(space: any BlockwiseSpace, device: any Device, input: TensorShape, batch: Int = 1,
                               classes: Int? = nil, settings: MeasurementSettings = .quick, name: String? = nil,
                               cancel: CancellationToken = CancellationToken(),
                               progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> LatencyLUT {
        try settings.validate()
        guard batch >= 1 else { throw HardwareError("batch must be at least 1, got \(batch)") }
        let classes = classes ?? space.defaultClasses
        let parts = try distinctParts(of: space, input: input, classes: classes)
        var entries: [String: LUTEntry] = [:]
        for (i, part) in parts.enumerated() {
            try cancel.check()
            let m = try device.measure(part.spec, batch: batch, settings: settings, cancel: cancel)
            entries[part.key] = LUTEntry(seconds: m.median, cv: m.coefficientOfVariation)
            progress(i + 1, parts.count)
        }
        let metadata = LUTMetadata(name: name ?? defaultName(space: space.name, device: device.name, kind: .plain),
                                   kind: .plain, space: space.name, device: device.name, threads: device.threads,
                                   batch: batch, input: input, classes: classes, engineVersion: device.engineVersion)
        return LatencyLUT(metadata: metadata, entries: entries)
    }

    /// Every distinct part of the space's networks at `input`, deduplicated by key, in first-seen order.
    ///
    /// For each position and each block it offers, the architecture with that block there and
    /// every other position at its first option is cut into parts; the first architecture also
    /// gives the stem, the head and the parts between blocks.
    public static func distinctParts(of space: any BlockwiseSpace, input: TensorShape, classes: Int? = nil) throws -> [BlockPart] {
        let base = try space.architecture(blockChoices: Array(repeating: 0, count: space.blockCount))
        var seen: Set<String> = []
        var parts: [BlockPart] = []
        func collect(_ architecture: Architecture) throws {
            for part in try space.blockParts(of: architecture, input: input, classes: classes ?? space.defaultClasses)
            where seen.insert(part.key).inserted {
                parts.append(part)
            }
        }
        try collect(base)
        for position in 0..<space.blockCount {
            for type in space.blockOptions(at: position).dropFirst() {
                guard let a = try space.replacing(base, position: position, with: type) else { continue }
                try collect(a)
            }
        }
        return parts
    }

    /// `fbnet@naslab-cpu/1t` (plain) or `fbnet@naslab-cpu/1t+corrected`.
    public static func defaultName(space: String, device: String, kind: LUTKind) -> String {
        "\(space)@\(device)" + (kind == .plain ? "" : "+corrected")
    }

    /// The table's prediction for `architecture`: the sum of its parts' entries (plain), or the
    /// `fixed` entry plus its blocks' in-context entries (corrected).
    public func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
        guard space.name == metadata.space else {
            throw HardwareError("the latency table '\(metadata.name)' is of the \(metadata.space) space, not \(space.name)")
        }
        guard let blockwise = space as? any BlockwiseSpace else {
            throw HardwareError("the \(space.name) space is not blockwise, so a latency table cannot cut its networks into parts")
        }
        let parts = try blockwise.blockParts(of: architecture, input: metadata.input, classes: metadata.classes)
        switch metadata.kind {
        case .plain:
            return try parts.reduce(0) { $0 + (try entry($1.key)) }
        case .corrected:
            let blocks = parts.filter { if case .block = $0.kind { return true } else { return false } }
            return try blocks.reduce(try entry(Self.fixedKey)) { $0 + (try entry($1.key)) }
        }
    }

    /// Throws unless the table is of `space` and was measured on `device` (`doing`: what would mix them, "correcting").
    func checkOrigin(space: any SearchSpace, device: any Device, doing: String) throws {
        guard metadata.space == space.name else {
            throw HardwareError("the latency table '\(metadata.name)' is of the \(metadata.space) space, not \(space.name)")
        }
        guard metadata.device == device.name else {
            throw HardwareError("the latency table '\(metadata.name)' was measured on \(metadata.device); \(doing) it on \(device.name) would mix devices")
        }
    }

    /// The seconds of an entry, or an error naming the missing key.
    func entry(_ key: String) throws -> Double {
        guard let e = entries[key] else {
            throw HardwareError("the latency table '\(metadata.name)' has no entry '\(key)' (it was measured at input \(metadata.inputText) on \(metadata.device))")
        }
        return e.seconds
    }
}
