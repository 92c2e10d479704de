/// The settings of an inverted-residual (MBConv) block (Sandler et al., MobileNetV2, CVPR 2018).
///
/// 1×1 expansion to `expansion`× channels (skipped when 1 unless `alwaysExpand`), k×k depthwise convolution with the
/// block's stride, optional squeeze-and-excitation, 1×1 linear projection; a residual sum when
/// `residual` is on and the stride is 1 with equal channels. `groups > 1` makes both 1×1
/// convolutions grouped (FBNet's `_g2` blocks).
public struct MBConv: Sendable, Hashable, Codable {
    /// Channel expansion factor of the hidden layer.
    public var expansion: Int
    /// Depthwise kernel size.
    public var kernel: Int
    /// Squeeze-and-excitation, if any.
    public var se: SqueezeExcite?
    /// The nonlinearity after the expansion and depthwise convolutions.
    public var activation: Activation
    /// Whether to add the identity shortcut where shapes allow.
    public var residual: Bool
    /// Groups of the 1×1 convolutions.
    public var groups: Int
    /// Whether the 1×1 expansion convolution is kept at expansion 1 (FBNet's blocks keep it).
    public var alwaysExpand: Bool

    /// Creates MBConv settings.
    public init(expansion: Int, kernel: Int, se: SqueezeExcite? = nil, activation: Activation = .relu6,
                residual: Bool = true, groups: Int = 1, alwaysExpand: Bool = false) {
        self.expansion = expansion
        self.kernel = kernel
        self.se = se
        self.activation = activation
        self.residual = residual
        self.groups = groups
        self.alwaysExpand = alwaysExpand
    }
}
