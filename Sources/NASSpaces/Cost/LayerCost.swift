/// The cost of one primitive layer: its learnable parameters and multiply-accumulates per sample.
public struct LayerCost: Sendable, Hashable, Codable {
    /// Learnable parameters (weights, biases, batch-norm scale and shift).
    public var params: Int
    /// Multiply-accumulate operations for one sample.
    public var macs: Int

    /// Creates a cost.
    public init(params: Int, macs: Int) {
        self.params = params
        self.macs = macs
    }

    /// The cost of `node` whose first input has shape `input`.
    ///
    /// Conventions (those of the published MobileNet, MnasNet, ResNet and NAS-Bench-201 figures):
    /// MACs count the multiply-accumulates of convolutions and fully connected layers only;
    /// batch norm has two learnable parameters per channel (its running statistics are buffers,
    /// not parameters) and adds no MACs, as it folds into the preceding convolution at inference.
    public static func of(_ node: LayerNode, input: TensorShape) -> LayerCost {
        let out = node.outputShape
        switch node.op {
        case let .conv(outChannels, kernel, _, _, _, groups, bias):
            let perOutput = (input.channels / groups) * kernel * kernel
            let weights = outChannels * perOutput + (bias ? outChannels : 0)
            return LayerCost(params: weights, macs: out.height * out.width * outChannels * perOutput)
        case .batchNorm:
            return LayerCost(params: 2 * out.channels, macs: 0)
        case let .linear(outFeatures, bias):
            let inFeatures = input.elementCount
            return LayerCost(params: inFeatures * outFeatures + (bias ? outFeatures : 0), macs: inFeatures * outFeatures)
        default:
            return LayerCost(params: 0, macs: 0)
        }
    }
}
