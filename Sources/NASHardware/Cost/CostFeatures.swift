import NASSpaces

/// The cost-model features of a network that latency follows on most devices: multiply-accumulates,
/// bytes moved and the number of kernels run.
///
/// Bytes moved are the activations every kernel reads and writes plus its weights, at 4 bytes per
/// element (naslab's 32-bit floats), summed over kernels (`LayerTraffic`). Only the layers the
/// output depends on count: a device drops the others (NB201 cells whose node feeds nothing).
/// Counting them held the learned predictor at Kendall τ 0.79–0.81 on this machine's NB201
/// latencies; counting what runs, 0.86–0.92 (docs/performance.md).
public struct CostFeatures: Sendable, Hashable {
    /// Multiply-accumulates of one sample.
    public let macs: Double
    /// Bytes read and written by all kernels, weights included.
    public let bytes: Double
    /// Kernels run (layers after batch norm and activations are fused).
    public let kernels: Double

    /// The features of `spec`.
    public init(_ spec: NetworkSpec) {
        let layers = LayerTraffic.of(spec)
        macs = Double(layers.reduce(0) { $0 + $1.macs })
        bytes = Double(layers.reduce(0) { $0 + $1.elementsMoved }) * 4
        kernels = Double(layers.filter(\.isKernel).count)
    }

    /// The features of an architecture's network at `input` (the space's default when nil).
    public init(_ architecture: Architecture, in space: any SearchSpace, input: TensorShape? = nil) throws {
        self.init(try space.network(architecture, input: input ?? space.defaultInput, classes: space.defaultClasses))
    }

    /// Features given directly (for tests and synthetic data).
    public init(macs: Double, bytes: Double, kernels: Double) {
        self.macs = macs
        self.bytes = bytes
        self.kernels = kernels
    }

    /// `[macs, bytes, kernels]`, the order of the FLOPs model's weights.
    public var vector: [Double] { [macs, bytes, kernels] }
}
