import Foundation
import NASLanguage

/// What the fuzzer changes in the standard builtins so that no input can touch the machine
/// outside a scratch folder or wait for nothing.
///
/// - File arguments (`save`'s and `load`'s `path`; `csv`, `idx`, `npy` and `labels` of
///   `dataset`, `benchmark` and `latency_table`; `save_lut`'s path, `load_lut`'s source, `store`'s url and `export`'s path) must be plain file names, which resolve in
///   the scratch folder the harness runs in: without this an input could overwrite any file
///   the user can write, or read `/dev/zero` into memory until the machine runs out.
/// - `sleep` of more than 10 ms returns at once (shorter and negative durations go to the
///   original): a sleep only waits, and a long one would spend the whole time budget of the input.
///
/// Everything else (searches, simulations, training, the store) runs as it does for users;
/// the watchdog cuts long work short through the session's interrupt instead.
public enum Sandbox {
    /// The parameters that name files, by builtin; every other builtin reads no path.
    public static let fileParameters: [String: Set<String>] = [
        "save": ["path"], "load": ["path"], "benchmark": ["csv"], "latency_table": ["csv"],
        "save_lut": ["path"], "load_lut": ["source"], "export": ["path"],
        "store": ["url"],   // a plain name is an SQLite file in the scratch folder; no server URL gets through
        "dataset": ["csv", "idx", "npy", "labels", "valid", "test", "valid_labels", "test_labels"],
    ]

    /// The longest sleep that really waits.
    public static let longestSleep = 0.01

    /// Whether `path` is a file name the sandbox lets through: no folder, not hidden, not too long.
    public static func allows(path: String) -> Bool {
        !path.isEmpty && path.count <= 64 && !path.contains("/") && !path.hasPrefix(".") && !path.contains("\0")
    }

    /// The standard registry with file arguments confined and `sleep` shortened; `touched`
    /// is called whenever a builtin that names a file runs, so the harness can clear the folder.
    public static func registry(touched: @escaping () -> Void) -> BuiltinRegistry {
        let registry = BuiltinRegistry.standard()
        for (name, parameters) in fileParameters {
            guard var builtin = registry.lookup(name) else { continue }
            builtin.body = confined(builtin.body, parameters: parameters, touched: touched)
            registry.replace(builtin)
        }
        if var sleep = registry.lookup("sleep") {
            sleep.body = shortened(sleep.body)
            registry.replace(sleep)
        }
        return registry
    }

    private static func confined(_ body: @escaping (BuiltinCall) throws -> Value, parameters: Set<String>,
                                 touched: @escaping () -> Void) -> (BuiltinCall) throws -> Value {
        { call in
            for name in parameters.sorted() {
                guard case .string(let path) = call[name], !allows(path: path) else { continue }
                throw BuiltinError("fuzz sandbox: '\(name)' must be a plain file name", argument: name)
            }
            touched()
            return try body(call)
        }
    }

    private static func shortened(_ body: @escaping (BuiltinCall) throws -> Value) -> (BuiltinCall) throws -> Value {
        { call in
            if case .number(let duration) = call["duration"], duration.value > longestSleep { return .none }
            return try body(call)
        }
    }
}
