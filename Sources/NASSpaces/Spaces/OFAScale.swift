/// How far an `ofa` network is scaled down from the published one: a width multiplier and the stem's stride.
///
/// Once-for-all's MobileNetV3 is sized for 224×224 ImageNet images; on small images and a CPU
/// a narrower network with the same structure is what trains in minutes. Every channel count
/// (stem, units, head) is multiplied by `width` and rounded to a multiple of 8 as the MobileNet
/// family does; `stemStride` 1 keeps the resolution of small inputs (28×28) through the stem.
/// `published` (width 1, stride 2) is the network of the paper.
public struct OFAScale: Sendable, Hashable, Codable {
    /// The width multiplier of every layer.
    public var width: Double
    /// The stride of the stem convolution (2 in the paper).
    public var stemStride: Int

    /// A scale; by default the published network.
    public init(width: Double = 1, stemStride: Int = 2) {
        self.width = width
        self.stemStride = stemStride
    }

    /// The published network's scale.
    public static let published = OFAScale()

    /// A layer's channels at this scale (a multiple of 8; unchanged at width 1).
    public func channels(_ published: Int) -> Int {
        width == 1 ? published : makeDivisible(Double(published) * width, divisor: 8)
    }

    /// Checks that the width is positive and the stride 1 or 2.
    public func validated() throws -> OFAScale {
        guard width > 0, width <= 4, [1, 2].contains(stemStride) else {
            throw SpaceError("an ofa scale needs a width multiplier in (0, 4] and a stem stride of 1 or 2, got \(width) and \(stemStride)")
        }
        return self
    }
}
