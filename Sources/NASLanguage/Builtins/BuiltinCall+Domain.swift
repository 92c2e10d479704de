import NASBenchmarks
import NASCore
import NASEngine
import NASSpaces

/// Reading domain arguments (spaces, architectures, seeds, shapes) and blaming engine errors
/// on the argument they come from; shared by the spaces and benchmarks builtins.
extension BuiltinCall {
    /// A space argument.
    func space(_ name: String) throws -> any SearchSpace {
        try object(name, as: SpaceValue.self).space
    }

    /// An architecture argument.
    func architecture(_ name: String) throws -> ArchitectureValue {
        try object(name, as: ArchitectureValue.self)
    }

    /// A seed argument: any whole number, negative ones by their bit pattern.
    func seed(_ name: String = "seed") throws -> UInt64 {
        UInt64(bitPattern: Int64(try int(name)))
    }

    /// A seeded generator from the seed argument.
    func rng(_ name: String = "seed") throws -> SeededRandom {
        SeededRandom(seed: try seed(name))
    }

    /// An optional whole-number argument (nil when left out).
    func optionalInt(_ name: String) throws -> Int? {
        isNone(name) ? nil : try int(name)
    }

    /// An optional string argument (nil when left out).
    func optionalString(_ name: String) throws -> String? {
        isNone(name) ? nil : try string(name)
    }

    /// A list argument whose items are all strings.
    func strings(_ name: String) throws -> [String] {
        try list(name).map { item in
            guard case .string(let s) = item else {
                throw BuiltinError("\(name) must be a list of strings, but one item is \(item.kindDescription)", argument: name)
            }
            return s
        }
    }

    /// An optional input shape `[channels, height, width]`.
    func shape(_ name: String) throws -> TensorShape? {
        guard !isNone(name) else { return nil }
        let numbers = try list(name).map { item -> Int in
            guard case .number(let q) = item, q.value == q.value.rounded(), q.value >= 1, q.value < 1e9 else {
                throw BuiltinError("\(name) must be [channels, height, width] of positive whole numbers, but one item is "
                    + item.kindDescription, argument: name)
            }
            return Int(q.value)
        }
        return try blaming(name) { try SpaceCatalogue.shape(numbers) }
    }

    /// Runs engine work, turning a space or benchmark error into a `BuiltinError` that blames `argument`.
    func blaming<T>(_ argument: String?, _ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as SpaceError {
            throw BuiltinError(error.message, argument: argument)
        } catch let error as BenchmarkError {
            throw BuiltinError(Self.located(error), argument: argument, cause: error)
        }
    }

    /// A benchmark error with its file and line in front: `runs.csv:4: duplicate row …`.
    static func located(_ error: BenchmarkError) -> String {
        switch (error.file, error.line) {
        case let (file?, line?): return "\(file):\(line): \(error.message)"
        case let (file?, nil): return "\(file): \(error.message)"
        default: return error.message
        }
    }
}
