import NASCore
import NASSpaces

/// The content address of one piece of evaluation work.
///
/// Two trials with the same evaluator descriptor, space, architecture identity, fidelity and
/// seed are the same work; the second reuses the first's recorded result. The identity is the
/// architecture's equivalence class for evaluators that compute results from the network, and its
/// canonical form for tables, whose rows belong to exact architectures
/// (`Evaluator.recordsEachArchitecture`).
public enum ResultCacheKey {
    /// The SHA-256 (hex) of the work's description; fields are separated by a unit separator.
    public static func make(evaluator: String, space: String, identity: String, fidelity: Fidelity, seed: UInt64) -> String {
        let epochs = fidelity.epochs.map(String.init) ?? "default"
        let fields = [evaluator, space, identity, "epochs=\(epochs)", "data=\(fidelity.dataFraction)", "seed=\(seed)"]
        return SHA256.hex(fields.joined(separator: "\u{1F}"))
    }
}
