/// Amounts per level of an accelerator's hierarchy: accesses (counts) or energy (joules).
public struct EnergyBreakdown: Sendable, Hashable, Codable {
    /// ALU operations (MACs), or their energy.
    public var compute: Double = 0
    /// Register-file accesses, or their energy.
    public var registerFile: Double = 0
    /// Inter-PE array (NoC) transfers, or their energy.
    public var array: Double = 0
    /// Global-buffer accesses, or their energy.
    public var buffer: Double = 0
    /// DRAM accesses, or their energy.
    public var dram: Double = 0

    /// Amounts per level.
    public init(compute: Double = 0, registerFile: Double = 0, array: Double = 0, buffer: Double = 0, dram: Double = 0) {
        self.compute = compute
        self.registerFile = registerFile
        self.array = array
        self.buffer = buffer
        self.dram = dram
    }

    /// The sum over levels.
    public var total: Double { compute + registerFile + array + buffer + dram }

    /// Level-by-level sum.
    public static func + (a: EnergyBreakdown, b: EnergyBreakdown) -> EnergyBreakdown {
        EnergyBreakdown(compute: a.compute + b.compute, registerFile: a.registerFile + b.registerFile, array: a.array + b.array,
                        buffer: a.buffer + b.buffer, dram: a.dram + b.dram)
    }

    /// The metrics an evaluator reports: `energy` (the total) and one `energy_<level>` per level.
    public var metrics: [String: Double] {
        ["energy": total, "energy_compute": compute, "energy_rf": registerFile, "energy_array": array,
         "energy_buffer": buffer, "energy_dram": dram]
    }
}
