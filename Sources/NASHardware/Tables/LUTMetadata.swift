import Foundation
import NASCore
import NASSpaces

/// What a latency table was measured on and how: space, device, batch, input, engine, date.
public struct LUTMetadata: Sendable, Hashable {
    /// The table's name (the store keeps the latest table of a name).
    public var name: String
    /// Plain (standalone parts) or corrected (in-context blocks).
    public var kind: LUTKind
    /// The name of the space whose parts it holds.
    public var space: String
    /// The device's name (`naslab-cpu/1t`).
    public var device: String
    /// The device's compute threads.
    public var threads: Int
    /// The batch size of every measured call.
    public var batch: Int
    /// The input shape of one sample.
    public var input: TensorShape
    /// The classes of the networks' classifier.
    public var classes: Int
    /// The version of naslab whose engine measured it.
    public var engineVersion: String
    /// When it was measured.
    public var date: Date
    /// The whole networks measured to build it (0 for a plain table).
    public var wholeNetworkMeasurements: Int
    /// How it was built: `profile` for a plain table, `method 1 (k3_e6)` or `method 2` for a correction.
    public var method: String

    /// Metadata of a table measured now with the current engine.
    public init(name: String, kind: LUTKind, space: String, device: String, threads: Int, batch: Int, input: TensorShape,
                classes: Int, engineVersion: String = NaslabVersion.number, date: Date = Date(),
                wholeNetworkMeasurements: Int = 0, method: String = "profile") {
        self.name = name
        self.kind = kind
        self.space = space
        self.device = device
        self.threads = threads
        self.batch = batch
        self.input = input
        self.classes = classes
        self.engineVersion = engineVersion
        self.date = date
        self.wholeNetworkMeasurements = wholeNetworkMeasurements
        self.method = method
    }

    /// The input as `CxHxW` (`3x64x64`), the form of keys and files.
    public var inputText: String { "\(input.channels)x\(input.height)x\(input.width)" }

    /// Reads a `CxHxW` shape, or nil.
    public static func shape(_ text: String) -> TensorShape? {
        let parts = text.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 3, parts.allSatisfy({ $0 >= 1 }) else { return nil }
        return TensorShape(channels: parts[0], height: parts[1], width: parts[2])
    }
}
