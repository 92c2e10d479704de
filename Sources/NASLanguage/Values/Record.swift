/// An ordered set of named fields: `{lr: 0.1, epochs: 3}`.
public struct Record {
    /// The field names, in the order they were written.
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]

    /// Creates an empty record.
    public init() {}

    /// Creates a record from fields in order (a later duplicate replaces the earlier value).
    public init(_ fields: [(String, Value)]) {
        for (k, v) in fields { self[k] = v }
    }

    /// The field's value, or nil; setting adds the field at the end if it is new.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The fields in order.
    public var fields: [(key: String, value: Value)] { keys.map { ($0, storage[$0]!) } }

    /// The number of fields.
    public var count: Int { keys.count }
}
