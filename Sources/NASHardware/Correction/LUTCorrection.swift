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
/// `fixed`). SN_m is measured beside each position's replacements (see `pairedDifferences`), so
/// method 1 uses one reference and costs `Σ_l |options(l)|` whole-network measurements per
/// pass on naslab's engine (`Σ_l (|options(l)| + 1)` on a device that cannot interleave calls);
/// method 2 does the same inside every specified network the space has and averages the
/// entries and the fixed part (so the prediction is the mean of the method-1 predictions),
/// accounting for the neighbours' types at the cost of one such set per type.
public enum LUTCorrection {
    /// One replacement's differences to SN, one per pass, with each measurement's CV, and its position.
    typealias Differences = (position: Int, seconds: [Double], cv: [Double])

    /// The corrected table of `lut` (a plain table of `space` measured on `device`).
    ///
    /// Whole networks are measured with `settings`, the whole set `passes` times (each entry the
    /// median of its passes); `progress(done, total)` follows the measurements and `cancel` is
    /// checked between and during them.
    public static func correct(_ lut: LatencyLUT, space: any BlockwiseSpace, device: any Device, method: CorrectionMethod,
                               settings: MeasurementSettings = .quick, passes: Int = 3, name: String? = nil,
                               cancel: CancellationToken = CancellationToken(),
                               progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> CorrectedLUT {
        try check(lut, space: space, device: device)
        try settings.validate()
        guard (1...100).contains(passes) else { throw HardwareError("passes must be 1 to 100, got \(passes)") }
        let references = try referenceTypes(method, in: space)
        let perReference = passes * (0..<space.blockCount).reduce(0) { total, position in
            let replacements = space.blockOptions(at: position).count - 1
            return total + (replacements > 0 ? device.pairMeasurementCount(others: replacements) : 1)
        }
        let total = perReference * references.count
        var measurer = WholeNetworkMeasurer(space: space, device: device, input: lut.metadata.input,
                                            classes: lut.metadata.classes, batch: lut.metadata.batch, settings: settings, cancel: cancel)
        var tables: [[String: LUTEntry]] = []
        for (i, reference) in references.enumerated() {
            let entries = try inContext(lut, reference: reference, space: space, passes: passes, measurer: &measurer) {
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

    /// The reference for method 1: of the types with a specified network, the one whose network's
    /// blocks sum to the least standalone table latency (FBNet's `skip`).
    ///
    /// Measured on this machine (docs/performance.md): on `fbnet(width: 0.35)` method 1 was within
    /// ±10% for 98.5% of held-out networks with `skip` and 15% with the middle type `k5_e1_g2` in
    /// the same conditions, and biased by −23% with the heaviest, `k3_e6`. A replaced block then
    /// runs among cheap neighbours, whose interactions with it are smallest. On basenet every
    /// reference did as well.
    public static func defaultReference(for lut: LatencyLUT, in space: any BlockwiseSpace) throws -> String {
        let types = try referenceTypes(.averaged, in: space)
        let sums = try types.map { type -> (String, Double) in
            let keys = try blockKeys(of: try space.specifiedNetwork(type)!, space: space, lut: lut)
            return (type, try keys.reduce(0) { $0 + (try lut.entry($1)) })
        }
        return sums.min { $0.1 < $1.1 }!.0
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
    ///
    /// Each entry is the standalone entry of the reference's block plus the median over passes of
    /// the replacement's difference to SN (`pairedDifferences`). `fixed` takes, at each position,
    /// SN's fastest pass (as a network measured in passes keeps its fastest), and the median of
    /// those positions.
    static func inContext(_ lut: LatencyLUT, reference: String, space: any BlockwiseSpace, passes: Int,
                          measurer: inout WholeNetworkMeasurer, progress: (Int) -> Void) throws -> [String: LUTEntry] {
        guard let sn = try space.specifiedNetwork(reference) else { throw HardwareError("no specified network of '\(reference)'") }
        let snBlocks = try blockKeys(of: sn, space: space, lut: lut)
        let standalone = try snBlocks.map { try lut.entry($0) }
        let measured = try pairedDifferences(in: sn, reference: reference, space: space, lut: lut, passes: passes,
                                                measurer: &measurer, progress: progress)
        var entries: [String: LUTEntry] = [:]
        for (position, key) in snBlocks.enumerated() {
            entries[key] = LUTEntry(seconds: standalone[position], cv: lut.entries[key]!.cv)
        }
        for (key, d) in measured.differences {
            entries[key] = LUTEntry(seconds: standalone[d.position] + LatencyMeasurement(samples: d.seconds).median,
                                    cv: LatencyMeasurement(samples: d.cv).median)
        }
        let whole = LatencyMeasurement(samples: measured.fastestSN)
        entries[LatencyLUT.fixedKey] = LUTEntry(seconds: whole.median - standalone.reduce(0, +), cv: whole.coefficientOfVariation)
        return entries
    }

    /// Every replacement's difference `L(BN(n, l)) − L(SN)`, once per pass (with its measurement's
    /// CV), keyed by its table key; and, at each position, SN's fastest pass of the median of the
    /// measurements beside that position's replacements (SN alone where nothing replaces it).
    ///
    /// Each replacement is measured beside SN (`Device.measurePairs`): on naslab's engine the two
    /// networks' calls alternate in turns of a few calls, so that whatever slows the machine for
    /// longer than a turn reaches both sides of the difference; a device that cannot interleave measures SN before
    /// and after each position's replacements. Medians over passes outvote a burst of other work
    /// that slows one measurement. (Before, SN was measured once for all positions, and then before
    /// and after each position: one correction after another of the same table still predicted
    /// the same networks up to 18% apart.)
    private static func pairedDifferences(in sn: Architecture, reference: String, space: any BlockwiseSpace, lut: LatencyLUT,
                                          passes: Int, measurer: inout WholeNetworkMeasurer, progress: (Int) -> Void) throws
        -> (differences: [String: Differences], fastestSN: [Double]) {
        var differences: [String: Differences] = [:]
        var fastestSN = Array(repeating: Double.infinity, count: space.blockCount)
        let start = measurer.count
        for _ in 0..<passes {
            for position in 0..<space.blockCount {
                var replaced: [(key: String, network: Architecture)] = []
                for type in space.blockOptions(at: position) where type != reference {
                    guard let bn = try space.replacing(sn, position: position, with: type) else { continue }
                    replaced.append((try blockKeys(of: bn, space: space, lut: lut)[position], bn))
                }
                let pairs = try measurer.measurePairs(reference: sn, others: replaced.map(\.network))
                progress(measurer.count - start)
                for ((key, _), pair) in zip(replaced, pairs) {
                    let known = differences[key] ?? (position, [], [])
                    differences[key] = (position, known.seconds + [pair.other.median - pair.reference.median],
                                        known.cv + [pair.other.coefficientOfVariation])
                }
                let besideSN = pairs.isEmpty ? try measurer.measure(sn).median
                    : LatencyMeasurement(samples: pairs.map(\.reference.median)).median
                fastestSN[position] = min(fastestSN[position], besideSN)
            }
        }
        return (differences, fastestSN)
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
        guard lut.metadata.kind == .plain else {
            throw HardwareError("the latency table '\(lut.metadata.name)' is already corrected; correct its plain table")
        }
        try lut.checkOrigin(space: space, device: device, doing: "correcting")
    }
}
