import NASCore
import NASSpaces

/// Evaluates an architecture by its estimated energy per inference (`EnergyModel`): an objective
/// or constraint like latency.
///
/// Reports `energy` (joules per inference, batch 1) and its parts `energy_compute`, `energy_rf`,
/// `energy_array`, `energy_buffer`, `energy_dram`. The network is built at `input` (the space's
/// default when nil). Costs nothing real: it is arithmetic on the network's shapes.
public struct EnergyEvaluator: Evaluator {
    /// The model and its parameters.
    public let model: EnergyModel
    /// The input shape of one sample (nil: the space's default).
    public let input: TensorShape?

    /// An evaluator with `model`'s parameters.
    public init(model: EnergyModel = EnergyModel(), input: TensorShape? = nil) throws {
        try model.validate()
        self.model = model
        self.input = input
    }

    public var descriptor: String {
        let m = model
        let shape = input.map { ", input: [1, \($0.channels), \($0.height), \($0.width)]" } ?? ""
        return "energy(mac: \(m.macEnergy), rf: \(m.registerFileCost), array: \(m.arrayCost), buffer: \(m.bufferCost), "
            + "dram: \(m.dramCost), buffer_bytes: \(m.bufferBytes), word_bytes: \(m.bytesPerWord)\(shape))"
    }

    public var supportedSpaces: Set<String> { [] }
    public var maxEpochs: Int? { nil }

    /// The architecture's energy per inference, level by level.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        let spec = try space.network(architecture, input: input ?? space.defaultInput, classes: space.defaultClasses)
        return TrialResult(metrics: model.energy(spec).metrics)
    }
}
