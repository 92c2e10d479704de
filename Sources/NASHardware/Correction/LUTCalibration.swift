import NASCore
import NASSpaces

/// Rescales a corrected latency table to whole random networks of its space: the step after
/// Zeng et al.'s corrections where a block's cost among a specified network's neighbours is not
/// its cost among a searched network's.
///
/// `samples` random architectures (seeded, none a specified network or one block away from one)
/// are measured whole, each the median of `passes` measurements, and the corrected table's
/// predictions x are fitted to them by least squares, y ≈ a + b·x. Every block entry is
/// multiplied by b and the fixed entry becomes a + b·fixed, so the result is again a corrected
/// table (`predict = fixed' + Σ entries'`), saved, loaded and stored like the others, with the
/// measurements it cost added to its count and `, calibrated on N networks` to its method.
///
/// Why: measured on an Intel host (docs/performance.md, 2026-12-08), method 1 with the skip
/// reference predicted held-out `fbnet(width: 0.35)` networks 8% low (73–76.5% within ±10% in two
/// runs): a block replaced inside the specified network of skips runs among neighbours that do
/// almost no work. Rescaled on 20 random networks, 99.5–100% were within ±10% (MAPE 2.8%); on
/// basenet, 100% before and after. The ranking (Kendall τ) is the correction's: an affine map
/// with b > 0 keeps the order.
public enum LUTCalibration {
    /// The corrected table rescaled to `samples` random networks of `space` measured on `device`.
    ///
    /// Throws when the table is not of `space` or not from `device`, when `samples` is below 3,
    /// or when the fit's slope is not positive (the table's predictions do not follow the
    /// measurements: calibrating would reverse its order).
    public static func calibrate(_ corrected: CorrectedLUT, space: any BlockwiseSpace, device: any Device, samples: Int = 20,
                                 seed: UInt64 = 0, settings: MeasurementSettings = .standard, passes: Int = 3,
                                 cancel: CancellationToken = CancellationToken(),
                                 progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> CorrectedLUT {
        let lut = corrected.lut
        try lut.checkOrigin(space: space, device: device, doing: "calibrating")
        guard samples >= 3 else { throw HardwareError("calibrating a table needs at least 3 networks, got \(samples)") }
        guard (1...100).contains(passes) else { throw HardwareError("passes must be 1 to 100, got \(passes)") }
        try settings.validate()
        let networks = sample(space, count: samples, seed: seed)
        guard networks.count == samples else {
            throw HardwareError("the \(space.name) space has fewer than \(samples) networks that no correction measures; calibrate on fewer")
        }
        var measurer = WholeNetworkMeasurer(space: space, device: device, input: lut.metadata.input, classes: lut.metadata.classes,
                                            batch: lut.metadata.batch, settings: settings, cancel: cancel)
        var seconds = Array(repeating: [Double](), count: samples)
        for _ in 0..<passes {
            for (i, a) in networks.enumerated() {
                seconds[i].append(try measurer.measure(a).median)
                progress(measurer.count, samples * passes)
            }
        }
        let measured = seconds.map { LatencyMeasurement(samples: $0).median }
        let predicted = try networks.map { try lut.predict($0, in: space) }
        let fit = try LinearLeastSquares(features: predicted.map { [$0] }, targets: measured)
        return try CorrectedLUT(rescaled(lut, scale: fit.weights[0], offset: fit.intercept, networks: samples, measurements: measurer.count))
    }

    /// `count` random architectures of `space` from `seed`, distinct, none a network the corrections
    /// measure nor one whose canonical form is in `excluding` (fewer when the space runs out).
    public static func sample(_ space: any BlockwiseSpace, count: Int, seed: UInt64, excluding: Set<String> = []) -> [Architecture] {
        var rng = SeededRandom(seed: seed)
        var seen = excluding
        var architectures: [Architecture] = []
        var tries = 0
        while architectures.count < count, tries < 100 * count {
            tries += 1
            let a = space.sample(using: &rng)
            guard !isCorrectionNetwork(a, in: space), seen.insert(space.canonical(a)).inserted else { continue }
            architectures.append(a)
        }
        return architectures
    }

    /// Whether a correction measures this network: a specified network, or one block away from one.
    public static func isCorrectionNetwork(_ architecture: Architecture, in space: any BlockwiseSpace) -> Bool {
        let choices = space.blockChoices(of: architecture)
        return space.blockTypes.contains { type in
            (0..<space.blockCount).filter { space.blockOptions(at: $0)[choices[$0]] != type }.count <= 1
        }
    }

    /// The table with every block entry times `scale` and the fixed entry `offset + scale · fixed`.
    static func rescaled(_ lut: LatencyLUT, scale: Double, offset: Double, networks: Int, measurements: Int) throws -> LatencyLUT {
        guard scale > 0, scale.isFinite, offset.isFinite else {
            throw HardwareError("the table '\(lut.metadata.name)' does not follow the whole networks measured (fitted slope \(scale)); "
                + "it cannot be calibrated: measure more networks, or check that it was measured on this device")
        }
        var entries = lut.entries.mapValues { LUTEntry(seconds: $0.seconds * scale, cv: $0.cv) }
        let fixed = lut.entries[LatencyLUT.fixedKey]!
        entries[LatencyLUT.fixedKey] = LUTEntry(seconds: offset + scale * fixed.seconds, cv: fixed.cv)
        var metadata = lut.metadata
        metadata.wholeNetworkMeasurements += measurements
        metadata.method += ", calibrated on \(networks) networks"
        return LatencyLUT(metadata: metadata, entries: entries)
    }
}
