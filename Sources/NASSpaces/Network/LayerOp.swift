/// One primitive layer of a network spec; the tensor engine implements exactly these.
///
/// Composite ops of the literature (ReLU-Conv-BN, separable convolution, MBConv,
/// squeeze-and-excitation, factorized reduce) are written as small graphs of these.
public enum LayerOp: Sendable, Hashable, Codable {
    /// 2-D convolution (NCHW); `groups == inChannels` is depthwise.
    case conv(outChannels: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, groups: Int, bias: Bool)
    /// Batch normalisation over channels (affine).
    case batchNorm
    case relu
    case relu6
    case hswish
    case sigmoid
    case swish
    /// Max pooling with a square window.
    case maxPool(kernel: Int, stride: Int, padding: Int)
    /// Average pooling; `countIncludePad: false` divides by the number of valid inputs.
    case avgPool(kernel: Int, stride: Int, padding: Int, countIncludePad: Bool)
    /// Global average pooling to `c × 1 × 1`.
    case globalAvgPool
    /// Fully connected layer on the flattened input.
    case linear(outFeatures: Int, bias: Bool)
    /// Elementwise sum of all inputs (same shape).
    case add
    /// Elementwise product of two inputs; the second may be `c × 1 × 1` and is broadcast (SE scaling).
    case mul
    /// Concatenation of all inputs along channels.
    case concat
    /// Channels `start ..< start + count` of the input.
    case sliceChannels(start: Int, count: Int)
    /// Drops the first `rows` rows and `cols` columns, then zero-pads at the end (factorized reduce's shift).
    case shift(rows: Int, cols: Int)
    /// An all-zero output of a given shape (NB201's `none`); it carries no gradient.
    case zero(stride: Int)
    /// The input unchanged.
    case identity
    /// Dropout with probability `p` (training only).
    case dropout(p: Double)
}
