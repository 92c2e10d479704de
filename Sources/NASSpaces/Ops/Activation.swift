/// The nonlinearities that the op catalogue offers.
public enum Activation: String, Sendable, Hashable, Codable, CaseIterable {
    /// max(0, x).
    case relu
    /// min(max(0, x), 6) (MobileNetV2).
    case relu6
    /// x · relu6(x + 3) / 6 (MobileNetV3).
    case hswish
    /// x · sigmoid(x) (EfficientNet).
    case swish

    /// The primitive layer.
    public var layerOp: LayerOp {
        switch self {
        case .relu: return .relu
        case .relu6: return .relu6
        case .hswish: return .hswish
        case .swish: return .swish
        }
    }
}
