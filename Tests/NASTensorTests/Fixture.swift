import Foundation
@testable import NASTensor

/// Reads `Fixtures/forward.json`, written by `scripts/reference/make_tensor_fixtures.py` (numpy, float64).
enum Fixture {
    /// All cases, by name.
    /// Parsed once; never mutated after, so sharing it across test tasks is safe.
    nonisolated(unsafe) static let cases: [String: [String: Any]] = {
        guard let url = Bundle.module.url(forResource: "forward", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [:] }
        return json
    }()

    /// One array of a case as a tensor.
    static func tensor(_ caseName: String, _ key: String, requiresGrad: Bool = false) -> Tensor {
        let entry = cases[caseName]?[key] as? [String: Any] ?? [:]
        let shape = (entry["shape"] as? [Int]) ?? [0]
        let values = ((entry["data"] as? [Double]) ?? []).map { Float($0) }
        return Tensor(shape: shape, values: values, requiresGrad: requiresGrad)
    }

    /// An integer parameter of a case (`stride`, ...), or a default.
    static func param(_ caseName: String, _ key: String, default value: Int) -> Int {
        ((cases[caseName]?["params"] as? [String: Any])?[key] as? Int) ?? value
    }

    /// The largest `|a − b| − (atol + rtol·|b|)` over two equal-length arrays (≤ 0 passes).
    static func worst(_ a: [Float], _ b: [Float], atol: Float = 1e-4, rtol: Float = 1e-4) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) - (atol + rtol * abs($1)) }.max() ?? 0
    }
}
