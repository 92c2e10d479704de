/// The shape of one sample's activation: channels × height × width (a vector is `c × 1 × 1`).
public struct TensorShape: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Channels.
    public var channels: Int
    /// Height in pixels.
    public var height: Int
    /// Width in pixels.
    public var width: Int

    /// Creates a shape.
    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// The number of elements per sample.
    public var elementCount: Int { channels * height * width }

    public var description: String { "\(channels)×\(height)×\(width)" }
}
