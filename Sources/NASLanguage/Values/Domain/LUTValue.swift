import NASCore
import NASHardware
import NASSpaces

/// A measured latency look-up table (plain, from `profile`, or corrected) as a language value.
///
/// It keeps the space and device it was measured with when it was made in this session, so
/// that `correct` needs neither again; `lut.rows` gives its entries as a table.
public struct LUTValue: DomainValue {
    /// The wrapped table.
    public let lut: LatencyLUT
    /// The space it was measured for, when known in this session.
    public let space: (any BlockwiseSpace)?
    /// The device it was measured on, when known in this session.
    public let device: (any Device)?

    /// Wraps a table with the space and device it came from (when known).
    public init(_ lut: LatencyLUT, space: (any BlockwiseSpace)? = nil, device: (any Device)? = nil) {
        self.lut = lut
        self.space = space
        self.device = device
    }

    /// The type name the user sees.
    public var typeName: String { "lut" }

    /// One line: how the value prints.
    public var summary: String {
        let m = lut.metadata
        let cost = m.kind == .corrected ? ", \(m.method), \(m.wholeNetworkMeasurements) whole networks measured" : ""
        return "\(m.kind.rawValue) latency table \(m.name): \(lut.entries.count) \(m.space) entries on \(m.device), input \(m.inputText), batch \(m.batch)\(cost)"
    }

    /// The field names, for completion and messages.
    public var memberNames: [String] {
        ["name", "kind", "space", "device", "threads", "batch", "input", "engine", "entries", "measurements", "method", "rows"]
    }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        let m = lut.metadata
        switch name {
        case "name": return .string(m.name)
        case "kind": return .string(m.kind.rawValue)
        case "space": return .string(m.space)
        case "device": return .string(m.device)
        case "threads": return .number(Double(m.threads))
        case "batch": return .number(Double(m.batch))
        case "input": return .list([m.input.channels, m.input.height, m.input.width].map { .number(Double($0)) })
        case "engine": return .string(m.engineVersion)
        case "entries": return .number(Double(lut.entries.count))
        case "measurements": return .number(Double(m.wholeNetworkMeasurements))
        case "method": return .string(m.method)
        case "rows": return .table(rows)
        default: return nil
        }
    }

    /// The entries as a table: key, latency (seconds), cv.
    public var rows: Table {
        Table(columns: ["key", "latency", "cv"], rows: lut.sortedEntries.map {
            [.string($0.key), .number(.seconds($0.entry.seconds)), .number(.fraction($0.entry.cv))]
        })
    }

    /// Same metadata and entries.
    public func isEqual(to other: any DomainValue) -> Bool {
        (other as? LUTValue)?.lut == lut
    }
}
