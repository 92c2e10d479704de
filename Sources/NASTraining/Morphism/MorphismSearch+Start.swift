import NASSpaces

extension MorphismSearch {
    /// The small network a search starts from: two 3×3 convolution–batch norm–ReLU blocks of
    /// `width` and `2 × width` channels, each followed by a 2×2 max pooling where the image is
    /// still larger than 1×1, and a linear classifier on the flattened features.
    public static func startingNetwork(input: TensorShape, classes: Int, width: Int = 8) throws -> NetworkSpec {
        var b = try NetworkBuilder(input: input)
        var last = NetworkBuilder.inputID
        for (i, channels) in [width, 2 * width].enumerated() {
            let conv = LayerOp.conv(outChannels: channels, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false)
            last = try b.chain([(conv, "conv\(i + 1)"), (.batchNorm, "bn\(i + 1)"), (.relu, "relu\(i + 1)")], from: last)
            let s = b.shape(of: last)
            if s.height >= 2, s.width >= 2 {
                last = try b.add(.maxPool(kernel: 2, stride: 2, padding: 0), [last], name: "pool\(i + 1)")
            }
        }
        last = try b.add(.linear(outFeatures: classes, bias: true), [last], name: "classifier")
        return b.build(output: last)
    }
}
