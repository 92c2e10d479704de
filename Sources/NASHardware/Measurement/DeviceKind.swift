/// The kinds of device naslab can make: its own engine, or onnxruntime in a helper process.
///
/// The language's `device(kind, threads:)` and the latency benchmark's device list both make devices here.
public enum DeviceKind: String, CaseIterable, Sendable {
    /// naslab's compiled inference plan (`EngineDevice`).
    case naslab
    /// onnxruntime through a python3 helper (`OnnxRuntimeDevice`).
    case onnxruntime

    /// The kind named `name`; an unknown name throws an error listing the kinds.
    public init(named name: String) throws {
        guard let kind = DeviceKind(rawValue: name.lowercased()) else {
            let kinds = Self.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            throw HardwareError("unknown device kind \"\(name)\": it must be \(kinds)")
        }
        self = kind
    }

    /// Throws unless `threads` is a thread count a device accepts (1 to 256).
    public static func checkThreads(_ threads: Int) throws {
        guard (1...256).contains(threads) else { throw HardwareError("threads must be between 1 and 256, got \(threads)") }
    }

    /// A device of this kind at `threads` threads.
    public func device(threads: Int) throws -> any Device {
        switch self {
        case .naslab: return try EngineDevice(threads: threads)
        case .onnxruntime: return try OnnxRuntimeDevice(threads: threads)
        }
    }
}
