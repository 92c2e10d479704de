/// The shape arithmetic of a 2-D convolution or pooling window.
public struct ConvGeometry: Hashable, Sendable, CustomStringConvertible {
    /// Batch size.
    public var batch: Int
    /// Input channels.
    public var inChannels: Int
    /// Output channels.
    public var outChannels: Int
    /// Input height and width.
    public var height: Int, width: Int
    /// Square kernel size.
    public var kernel: Int
    /// Stride, symmetric zero padding and dilation.
    public var stride: Int, padding: Int, dilation: Int
    /// Channel groups (`groups == inChannels` is depthwise).
    public var groups: Int

    /// Creates a geometry.
    public init(batch: Int, inChannels: Int, outChannels: Int, height: Int, width: Int, kernel: Int,
                stride: Int = 1, padding: Int = 0, dilation: Int = 1, groups: Int = 1) {
        self.batch = batch
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.height = height
        self.width = width
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
    }

    /// The extent the dilated kernel covers.
    var span: Int { dilation * (kernel - 1) + 1 }
    /// Output height.
    public var outHeight: Int { (height + 2 * padding - span) / stride + 1 }
    /// Output width.
    public var outWidth: Int { (width + 2 * padding - span) / stride + 1 }
    /// Right/bottom padding that makes oneDNN produce exactly `outHeight` rows.
    var paddingEndH: Int { (outHeight - 1) * stride + span - height - padding }
    /// Right padding for `outWidth` columns.
    var paddingEndW: Int { (outWidth - 1) * stride + span - width - padding }
    /// Input dims.
    var srcDims: [Int] { [batch, inChannels, height, width] }
    /// Output dims.
    var dstDims: [Int] { [batch, outChannels, outHeight, outWidth] }
    /// Weight dims as oneDNN wants them (`goihw` when grouped).
    var weightDims: [Int] {
        groups == 1 ? [outChannels, inChannels, kernel, kernel]
            : [groups, outChannels / groups, inChannels / groups, kernel, kernel]
    }
    /// The weight shape naslab stores: `[out, in / groups, k, k]` (same memory as `goihw`).
    public var weightShape: [Int] { [outChannels, inChannels / groups, kernel, kernel] }
    /// "depthwise" when every channel is its own group, else "conv" (for `KernelClock`).
    var kind: String { groups > 1 && groups == inChannels && groups == outChannels ? "depthwise" : "conv" }
    /// Multiply-accumulates of the forward pass.
    public var macs: Int { batch * outChannels * outHeight * outWidth * (inChannels / groups) * kernel * kernel }

    /// A compact key such as `n8c16o32h28w28k3s1p1d1g1`.
    public var description: String {
        "n\(batch)c\(inChannels)o\(outChannels)h\(height)w\(width)k\(kernel)s\(stride)p\(padding)d\(dilation)g\(groups)"
    }
}
