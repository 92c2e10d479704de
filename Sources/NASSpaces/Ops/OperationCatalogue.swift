/// The catalogue of operations with their help text and paper, as data for the language's help.
public enum OperationCatalogue {
    /// One family of operations.
    public struct Entry: Sendable, Hashable {
        /// The family's name pattern (`sep_conv_KxK`).
        public var pattern: String
        /// An example name that `Operation(named:)` reads.
        public var example: String
        /// One paragraph on what it computes.
        public var help: String
        /// Where it comes from.
        public var paper: String
    }

    /// Every operation family.
    public static let entries: [Entry] = [
        Entry(pattern: "convKxK[_dD][_gG]", example: "conv3x3",
              help: "A k×k convolution (k = 1, 3, 5, 7) with optional dilation and groups, followed by batch norm and ReLU; the stride comes from where it is placed.",
              paper: "LeCun et al. 1998; as a searchable layer in Baker et al., Designing Neural Network Architectures using Reinforcement Learning (MetaQNN), ICLR 2017"),
        Entry(pattern: "nor_conv_KxK", example: "nor_conv_3x3",
              help: "ReLU, then a k×k convolution without bias, then batch norm: the convolution edge of the NAS-Bench-201 cell.",
              paper: "Dong & Yang, NAS-Bench-201: Extending the Scope of Reproducible Neural Architecture Search, ICLR 2020"),
        Entry(pattern: "sep_conv_KxK", example: "sep_conv_3x3",
              help: "Separable convolution applied twice: (ReLU, depthwise k×k, pointwise 1×1, batch norm) ×2; the first depthwise carries the stride.",
              paper: "Chollet, Xception, CVPR 2017; as a search op in Zoph et al., NASNet, CVPR 2018 and Liu et al., DARTS, ICLR 2019"),
        Entry(pattern: "dil_conv_KxK[_dD]", example: "dil_conv_3x3",
              help: "Dilated separable convolution: ReLU, depthwise k×k with dilation 2, pointwise 1×1, batch norm (receptive field 5×5 or 9×9).",
              paper: "Yu & Koltun, Multi-Scale Context Aggregation by Dilated Convolutions, ICLR 2016; as a search op in Liu et al., DARTS, ICLR 2019"),
        Entry(pattern: "dw_conv_KxK", example: "dw_conv_3x3",
              help: "Depthwise k×k convolution (one filter per channel), batch norm and ReLU; a pointwise convolution follows when the channel count changes.",
              paper: "Howard et al., MobileNets, arXiv 1704.04861, 2017"),
        Entry(pattern: "mbconv_eE_kK[_seR][_act][_gG][_pw][_noskip]", example: "mbconv_e6_k5_se0.25",
              help: "Inverted residual block: 1×1 expansion to E× channels, depthwise k×k, optional squeeze-and-excitation with ratio R, linear 1×1 projection, identity shortcut when the shape is kept; activation relu, relu6 (default), hswish or swish; _gG groups the 1×1 convolutions, _pw keeps the expansion convolution at E = 1 (FBNet).",
              paper: "Sandler et al., MobileNetV2, CVPR 2018; SE: Hu et al., CVPR 2018; Tan et al., MnasNet, CVPR 2019; Howard et al., MobileNetV3, ICCV 2019"),
        Entry(pattern: "avg_pool_KxK", example: "avg_pool_3x3",
              help: "k×k average pooling with padding k/2 that is not counted in the average; a ReLU-1×1 conv-BN adapts the channels first when they change.",
              paper: "Zoph et al., NASNet, CVPR 2018; Dong & Yang, NAS-Bench-201, ICLR 2020"),
        Entry(pattern: "max_pool_KxK", example: "max_pool_3x3",
              help: "k×k max pooling with padding k/2.",
              paper: "Zoph et al., NASNet, CVPR 2018; Liu et al., DARTS, ICLR 2019"),
        Entry(pattern: "skip_connect", example: "skip_connect",
              help: "The identity; where the resolution halves it becomes a factorized reduce, where only the channels change a 1×1 projection.",
              paper: "He et al., Deep Residual Learning, CVPR 2016"),
        Entry(pattern: "none", example: "none",
              help: "A zero output: the edge is absent. It has no parameters and costs nothing.",
              paper: "Liu et al., DARTS, ICLR 2019; Dong & Yang, NAS-Bench-201, ICLR 2020"),
        Entry(pattern: "factorized_reduce", example: "factorized_reduce",
              help: "Halves the resolution without losing pixels: ReLU, then two stride-2 1×1 convolutions, one on the input shifted by one pixel, concatenated, then batch norm.",
              paper: "Zoph et al., NASNet, CVPR 2018; Liu et al., DARTS, ICLR 2019"),
        Entry(pattern: "global_pool", example: "global_pool",
              help: "Global average pooling: one value per channel.",
              paper: "Lin et al., Network in Network, ICLR 2014"),
        Entry(pattern: "linear", example: "linear",
              help: "A fully connected layer with bias on the flattened input.",
              paper: "Rosenblatt 1958; the classifier of every network here"),
    ]

    /// Example names, one per family.
    public static var examples: [String] { entries.map(\.example) }

    /// The entry that describes an operation.
    public static func entry(for op: Operation) -> Entry {
        let family: String
        switch op {
        case .conv: family = "conv3x3"
        case .reluConvBN: family = "nor_conv_3x3"
        case .sepConv: family = "sep_conv_3x3"
        case .dilConv: family = "dil_conv_3x3"
        case .depthwiseConv: family = "dw_conv_3x3"
        case .mbconv: family = "mbconv_e6_k5_se0.25"
        case .avgPool: family = "avg_pool_3x3"
        case .maxPool: family = "max_pool_3x3"
        case .identity: family = "skip_connect"
        case .zero: family = "none"
        case .factorizedReduce: family = "factorized_reduce"
        case .globalPool: family = "global_pool"
        case .linear: family = "linear"
        }
        return entries.first { $0.example == family }!
    }
}
