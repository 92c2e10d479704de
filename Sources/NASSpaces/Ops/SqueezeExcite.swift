/// Squeeze-and-excitation settings of an MBConv block (Hu et al., CVPR 2018).
///
/// The bottleneck width is `ratio` times the block's input channels (MnasNet's convention,
/// `base: .input`) or times the expanded channels rounded to a multiple of `divisor`
/// (MobileNetV3 / once-for-all, `base: .expanded`).
public struct SqueezeExcite: Sendable, Hashable, Codable {
    /// Which channel count the ratio applies to.
    public enum Base: String, Sendable, Hashable, Codable {
        /// The block's input channels (MnasNet).
        case input
        /// The expanded channels (MobileNetV3).
        case expanded
    }

    /// The bottleneck ratio (0.25 in MnasNet and MobileNetV3).
    public var ratio: Double
    /// What the ratio multiplies.
    public var base: Base
    /// Round the bottleneck to a multiple of this (1: plain truncation).
    public var divisor: Int

    /// Creates SE settings.
    public init(ratio: Double, base: Base = .input, divisor: Int = 1) {
        self.ratio = ratio
        self.base = base
        self.divisor = divisor
    }

    /// The bottleneck width for a block with these input and expanded channels.
    public func reducedChannels(input: Int, expanded: Int) -> Int {
        switch base {
        case .input: return max(1, Int(Double(input) * ratio))
        case .expanded: return makeDivisible(Double(expanded) * ratio, divisor: divisor)
        }
    }
}

/// Rounds `value` to the nearest multiple of `divisor`, never below `divisor` nor below 90% of `value`
/// (the rounding rule of the MobileNet family's reference code).
public func makeDivisible(_ value: Double, divisor: Int) -> Int {
    guard divisor > 1 else { return max(1, Int(value)) }
    let d = Double(divisor)
    var rounded = max(d, ((value + d / 2) / d).rounded(.down) * d)
    if rounded < 0.9 * value { rounded += d }
    return Int(rounded)
}
