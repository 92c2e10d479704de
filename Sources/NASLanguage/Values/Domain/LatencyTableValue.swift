import NASBenchmarks
import NASCore

/// A device latency look-up table (HW-NAS-Bench or the user's own) as a language value.
///
/// It evaluates architectures like any evaluator (`evaluate(lat, a)`), and `table(lat)` or
/// `lat.rows` gives its rows for pipelines and joins.
public struct LatencyTableValue: DomainValue {
    /// The wrapped table.
    public let table: LatencyTable

    /// Wraps a table.
    public init(_ table: LatencyTable) { self.table = table }

    /// The type name the user sees.
    public var typeName: String { "latency table" }

    /// One line: how the value prints.
    public var summary: String {
        let batch = table.batch.map { ", batch \($0)" } ?? ""
        return "latency table \(table.name) on \(table.device)\(batch) (\(table.count) \(table.space) architectures)"
    }

    /// The field names, for completion and messages.
    public var memberNames: [String] { ["name", "device", "batch", "space", "count", "rows"] }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "name": return .string(table.name)
        case "device": return .string(table.device)
        case "batch": return table.batch.map { .number(Double($0)) } ?? Value.none
        case "space": return .string(table.space)
        case "count": return .number(Double(table.count))
        case "rows": return .table(table.table())
        default: return nil
        }
    }

    /// Same name, device and batch.
    public func isEqual(to other: any DomainValue) -> Bool {
        guard let o = other as? LatencyTableValue else { return false }
        return o.table.name == table.name && o.table.device == table.device && o.table.batch == table.batch
    }
}
