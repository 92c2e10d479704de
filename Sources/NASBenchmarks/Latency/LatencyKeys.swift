/// The architecture keys of one or more latency tables, with a row lookup; shared between the
/// 27 device columns of a source so it is built once.
final class LatencyKeys: Sendable {
    /// The name of the space the keys belong to (`nb201`, `fbnet`, a user's space).
    let space: String
    /// The canonical key of each row, in file order.
    let keys: [String]
    /// Alternative spellings that also find a row (FBNet op names for op-index digits).
    private let rowByKey: [String: Int]

    /// Indexes `keys` (and `aliases`, row-aligned, when given).
    init(space: String, keys: [String], aliases: [String] = []) {
        self.space = space
        self.keys = keys
        var rows = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (row, alias) in aliases.enumerated() where rows[alias] == nil { rows[alias] = row }
        self.rowByKey = rows
    }

    /// The row of a key, if the table has it.
    func row(of key: String) -> Int? { rowByKey[key] }
}
