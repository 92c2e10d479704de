import NASCore
import NASSpaces

/// Corrects a plain latency table with whole-network measurements (Zeng et al., ASP-DAC 2020).
///
/// A specified network SN_m has block type m at every position. For a reference type m, with
/// `BN(n, l)` the SN_m with the block at position l replaced by type n, `L(·)` a whole-network
/// measurement and `L_SNblock(l)` the plain table's standalone entry of type m at position l:
///
///     L_ctx(n, l) = L_SNblock(l) + (L(BN(n, l)) − L(SN_m))        (L_ctx(m, l) = L_SNblock(l))
///     fixed       = L(SN_m) − Σ_l L_SNblock(l)
///     predict(a)  = fixed + Σ_l L_ctx(n_l, l)
///
/// so each block's latency is measured in a network's context, where the device fuses it with
/// its neighbours and pays the call overhead once (the overhead and the stem and head go to
/// `fixed`). Method 1 uses one reference and costs `1 + Σ_l (|options(l)| − 1)` whole-network
/// measurements; method 2 does the same inside every specified network the space has and
/// averages the entries and the fixed part (so the prediction is the mean of the method-1
/// predictions), accounting for the neighbours' types at the cost of one such set per type.
public enum LUTCorrection {
    /// The corrected table of `lut` (a plain table of `space` measured on `device`).
    ///
    /// Whole networks are measured with `settings`; `progress(done, total)` follows the
    /// measurements and `cancel` is checked between and during them.
    public static func correct(_ lut: LatencyLUT, space: any BlockwiseSpace, device: any Device, method: CorrectionMethod,
                               settings: MeasurementSettings = .quick, name: String? = nil,
                               cancel: CancellationToken = CancellationToken(),
                               progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> CorrectedLUT {
        try check(lut, space: space, device: device)
        try settings.validate()
        let references = try referenceTypes(method, in: space)
        let perReference = 1 + (0..<space.blockCount).reduce(0) { $0 + space.blockOptions(at: $1).count - 1 }
        let total = perReference * references.count
        var measurer = WholeNetworkMeasurer(space: space, device: device, input: lut.metadata.input,
                                            classes: lut.metadata.classes, batch: lut.metadata.batch, settings: settings, cancel: cancel)
        var tables: [[String: LUTEntry]] = []
        for (i, reference) in references.enumerated() {
            let entries = try inContext(lut, reference: reference, space: space, measurer: &measurer) {
                progress(min($0 + i * perReference, total), total)
            }
            tables.append(entries)
        }
        progress(total, total)
        var metadata = lut.metadata
        metadata.kind = .corrected
        metadata.name = name ?? LatencyLUT.defaultName(space: space.name, device: device.name, kind: .corrected)
        metadata.wholeNetworkMeasurements = measurer.count
        metadata.method = method.description
        return try CorrectedLUT(LatencyLUT(metadata: metadata, entries: average(tables)))
    }

    /// A middle reference for method 1: of the types with a specified network, the one whose
    /// network's blocks sum to the median of their standalone table latencies (neither the
    /// lightest blocks, whose context barely matters, nor the heaviest).
    public static func defaultReference(for lut: LatencyLUT, in space: any BlockwiseSpace) throws -> String {
        let types = try referenceTypes(.averaged, in: space)
        let sums = try types.map { type -> (String, Double) in
            let keys = try blockKeys(of: try space.specifiedNetwork(type)!, space: space, lut: lut)
            return (type, try keys.reduce(0) { $0 + (try lut.entry($1)) })
        }.sorted { $0.1 < $1.1 }
        return sums[(sums.count - 1) / 2].0
    }

    /// The block types used as references: the one given (which must have a specified network), or every type that has one.
    public static func referenceTypes(_ method: CorrectionMethod, in space: any BlockwiseSpace) throws -> [String] {
        let available = try space.blockTypes.filter { try space.specifiedNetwork($0) != nil }
        switch method {
        case .single(let reference):
            guard available.contains(reference) else {
                let known = space.blockTypes.contains(reference) ? "is not offered at every position" : "is not a block type of the \(space.name) space"
                throw HardwareError("the reference '\(reference)' \(known); specified networks exist for \(available.joined(separator: ", "))")
            }
            return [reference]
        case .averaged:
            guard !available.isEmpty else {
                throw HardwareError("no block type of the \(space.name) space is offered at every position, so it has no specified network")
            }
            return available
        }
    }

    /// Method 1 inside SN_reference: the in-context entries of every (type, position) and the `fixed` entry.
    static func inContext(_ lut: LatencyLUT, reference: String, space: any BlockwiseSpace, measurer: inout WholeNetworkMeasurer,
                          progress: (Int) -> Void) throws -> [String: LUTEntry] {
        guard let sn = try space.specifiedNetwork(reference) else { throw HardwareError("no specified network of '\(reference)'") }
        var done = 0
        let whole = try measurer.measure(sn)
        done += 1
        progress(done)
        let snBlocks = try blockKeys(of: sn, space: space, lut: lut)
        let standalone = try snBlocks.map { try lut.entry($0) }
        var entries: [String: LUTEntry] = [:]
        for position in 0..<space.blockCount {
            for type in space.blockOptions(at: position) {
                if type == reference {
                    entries[snBlocks[position]] = LUTEntry(seconds: standalone[position], cv: lut.entries[snBlocks[position]]!.cv)
                    continue
                }
                guard let bn = try space.replacing(sn, position: position, with: type) else { continue }
                let m = try measurer.measure(bn)
                done += 1
                progress(done)
                let key = try blockKeys(of: bn, space: space, lut: lut)[position]
                entries[key] = LUTEntry(seconds: standalone[position] + (m.median - whole.median), cv: m.coefficientOfVariation)
            }
        }
        entries[LatencyLUT.fixedKey] = LUTEntry(seconds: whole.median - standalone.reduce(0, +), cv: whole.coefficientOfVariation)
        return entries
    }

    /// The keys of an architecture's blocks, by position, at the table's input.
    static func blockKeys(of architecture: Architecture, space: any BlockwiseSpace, lut: LatencyLUT) throws -> [String] {
        let parts = try space.blockParts(of: architecture, input: lut.metadata.input, classes: lut.metadata.classes)
        var keys = Array(repeating: "", count: space.blockCount)
        for part in parts { if case .block(let p, _) = part.kind { keys[p] = part.key } }
        return keys
    }

    /// The mean of each entry over the tables that have it.
    static func average(_ tables: [[String: LUTEntry]]) -> [String: LUTEntry] {
        var sums: [String: (seconds: Double, cv: Double, count: Int)] = [:]
        for table in tables {
            for (key, e) in table {
                let s = sums[key] ?? (0, 0, 0)
                sums[key] = (s.seconds + e.seconds, s.cv + e.cv, s.count + 1)
            }
        }
        return sums.mapValues { LUTEntry(seconds: $0.seconds / Double($0.count), cv: $0.cv / Double($0.count)) }
    }

    /// Throws unless `lut` is a plain table of `space` measured on `device`.
    static func check(_ lut: LatencyLUT, space: any BlockwiseSpace, device: any Device) throws {
        let m = lut.metadata
        guard m.kind == .plain else { throw HardwareError("the latency table '\(m.name)' is already corrected; correct its plain table") }
        guard m.space == space.name else {
            throw HardwareError("the latency table '\(m.name)' is of the \(m.space) space, not \(space.name)")
        }
        guard m.device == device.name else {
            throw HardwareError("the latency table '\(m.name)' was measured on \(m.device); correcting it on \(device.name) would mix devices")
        }
    }
}
