/// The fixed part of a segment space: stem, the blocks' base widths and strides, head.
public struct SegmentSkeleton: Sendable, Hashable {
    /// One block slot of the skeleton.
    public struct Block: Sendable, Hashable {
        /// The reference width (MobileNetV2's or ResNet's).
        public var baseChannels: Int
        /// The stride of the block's first layer.
        public var stride: Int
        /// The width options of the block.
        public var widths: [Int]
    }

    /// The skeleton's name (`mnasnet`, `resnet`).
    public var name: String
    /// Stem: a k×k convolution with this many channels and stride, batch norm, activation.
    public var stemChannels: Int
    /// Stem kernel.
    public var stemKernel: Int
    /// Stem stride.
    public var stemStride: Int
    /// Whether a 3×3/2 max pooling follows the stem (ResNet).
    public var stemPool: Bool
    /// The block slots.
    public var blocks: [Block]
    /// Channels of the 1×1 convolution before global pooling, if any.
    public var headChannels: Int?

    /// Width options of a block: the reference width times 0.75, 1 and 1.25 (MnasNet's filter
    /// multipliers, rounded to multiples of 8), plus `extra` widths of named members.
    static func block(_ base: Int, stride: Int, extra: [Int] = []) -> Block {
        let scaled = [0.75, 1.0, 1.25].map { makeDivisible(Double(base) * $0, divisor: 8) }
        return Block(baseChannels: base, stride: stride, widths: Array(Set(scaled + extra)).sorted())
    }

    /// MnasNet's skeleton: MobileNetV2's seven blocks (16, 24, 32, 64, 96, 160, 320 channels),
    /// stem 3×3/2 with 32 channels, head 1×1 conv to 1280.
    public static let mnasnet = SegmentSkeleton(
        name: "mnasnet", stemChannels: 32, stemKernel: 3, stemStride: 2, stemPool: false,
        blocks: [block(16, stride: 1), block(24, stride: 2), block(32, stride: 2), block(64, stride: 2),
                 block(96, stride: 1, extra: [112]), block(160, stride: 2), block(320, stride: 1)],
        headChannels: 1280)

    /// ResNet's skeleton: 7×7/2 stem with 64 channels and 3×3/2 max pooling, four blocks
    /// (64, 128, 256, 512 channels), no head convolution.
    public static let resnet = SegmentSkeleton(
        name: "resnet", stemChannels: 64, stemKernel: 7, stemStride: 2, stemPool: true,
        blocks: [block(64, stride: 1), block(128, stride: 2), block(256, stride: 2), block(512, stride: 2)],
        headChannels: nil)
}
