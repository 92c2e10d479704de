import NASHardware

/// A device (naslab's engine at some thread count, or another black box that answers latencies) as a language value.
public struct DeviceValue: DomainValue {
    /// The wrapped device.
    public let device: any Device

    /// Wraps a device.
    public init(_ device: any Device) { self.device = device }

    /// The type name the user sees.
    public var typeName: String { "device" }

    /// One line: how the value prints.
    public var summary: String { "device \(device.name) (\(device.threads) thread\(device.threads == 1 ? "" : "s"))" }

    /// The field names, for completion and messages.
    public var memberNames: [String] { ["name", "threads"] }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "name": return .string(device.name)
        case "threads": return .number(Double(device.threads))
        default: return nil
        }
    }

    /// Same device name (which includes its settings).
    public func isEqual(to other: any DomainValue) -> Bool {
        (other as? DeviceValue)?.device.name == device.name
    }
}
