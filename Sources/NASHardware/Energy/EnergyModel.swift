import NASSpaces

/// An accelerator-style energy estimate per inference: a cost per MAC and per access at each
/// level of the memory hierarchy, counted by a simple dataflow model per layer (Eyeriss).
///
/// Costs per access, relative to one MAC in the ALU, are Eyeriss's figures for a 65 nm process
/// (Chen, Emer & Sze, ISCA 2016, Table IV; Chen et al., JSSC 2017): register file (0.5 kB per
/// PE) 1×, inter-PE array/NoC 2×, global buffer (108 kB on the Eyeriss chip) 6×, DRAM 200×.
/// The absolute cost of one MAC is an assumption, `macEnergy` = 1 pJ for a 16-bit MAC — the
/// order of magnitude Horowitz gives for 45 nm (ISSCC 2014: 0.2 pJ for an 8-bit and 3.1 pJ for a
/// 32-bit integer multiply) — so totals are in joules but only as good as that scale; ratios
/// between architectures do not depend on it. Every parameter is a stored property.
///
/// Dataflow model, per kernel (`LayerTraffic`: batch norm and activations are fused and cost
/// nothing; W weights, I input and O output elements, k the kernel size, M MACs):
/// - ALU: M operations (a layer without MACs — pooling, sums — costs one per input element).
/// - Register file: `registerAccessesPerMAC` (4: read weight, activation and partial sum, write
///   the partial sum) per MAC; a layer without MACs reads each input and writes each output once.
/// - Array (NoC): each weight is delivered once, each input element to the k PEs of its diagonal
///   and each partial sum passed along k PEs as it accumulates (row stationary): W + k·I + k·O.
/// - Global buffer: every weight, input and output element once: W + I + O.
/// - DRAM: every weight once (weights do not stay on chip between inferences); the layer's input
///   and output as well when its working set (W + I + O words) exceeds the buffer, else they
///   stay on chip; the network's input is read once.
public struct EnergyModel: Sendable, Hashable, Codable {
    /// Joules per MAC in the ALU (the unit of the relative costs).
    public var macEnergy: Double = 1e-12
    /// Register-file access cost, relative to a MAC.
    public var registerFileCost: Double = 1
    /// Inter-PE array (NoC) access cost, relative to a MAC.
    public var arrayCost: Double = 2
    /// Global-buffer access cost, relative to a MAC.
    public var bufferCost: Double = 6
    /// DRAM access cost, relative to a MAC.
    public var dramCost: Double = 200
    /// Register-file accesses per MAC.
    public var registerAccessesPerMAC: Double = 4
    /// The global buffer's size in bytes.
    public var bufferBytes: Double = 108 * 1024
    /// Bytes per word (activations and weights; 2 for Eyeriss's 16-bit fixed point).
    public var bytesPerWord: Double = 2

    /// The Eyeriss defaults.
    public init() {}

    /// Throws unless every parameter is finite and non-negative and the sizes positive.
    public func validate() throws {
        let costs = [macEnergy, registerFileCost, arrayCost, bufferCost, dramCost, registerAccessesPerMAC]
        guard costs.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw HardwareError("energy costs must be finite and 0 or more") }
        guard bufferBytes > 0, bytesPerWord > 0 else { throw HardwareError("the buffer size and the bytes per word must be above 0") }
    }

    /// Accesses at each level for one inference of `spec`.
    public func accesses(_ spec: NetworkSpec) -> EnergyBreakdown {
        var total = LayerTraffic.of(spec).filter(\.isKernel).reduce(EnergyBreakdown()) { $0 + accesses($1) }
        total.dram += Double(spec.input.elementCount)
        return total
    }

    /// Accesses at each level for one kernel.
    public func accesses(_ layer: LayerTraffic) -> EnergyBreakdown {
        let w = Double(layer.weights), i = Double(layer.inputs), o = Double(layer.outputs), k = Double(layer.kernel)
        let macs = Double(layer.macs)
        let spills = (w + i + o) * bytesPerWord > bufferBytes
        return EnergyBreakdown(compute: macs > 0 ? macs : i,
                               registerFile: macs > 0 ? registerAccessesPerMAC * macs : i + o,
                               array: w + k * i + k * o,
                               buffer: w + i + o,
                               dram: w + (spills ? i + o : 0))
    }

    /// The energy of one inference of `spec`, in joules, level by level.
    public func energy(_ spec: NetworkSpec) -> EnergyBreakdown {
        let a = accesses(spec)
        return EnergyBreakdown(compute: a.compute * macEnergy, registerFile: a.registerFile * registerFileCost * macEnergy,
                               array: a.array * arrayCost * macEnergy, buffer: a.buffer * bufferCost * macEnergy,
                               dram: a.dram * dramCost * macEnergy)
    }
}
