import NASCore
import Testing
@testable import NASTensor

/// Activations on both of their paths, Swift loops for small tensors (`SmallActivation`) and
/// oneDNN's kernels above the threshold: values against the Double reference
/// (`Nonlinearity.reference`), gradients against central finite differences.
@Suite struct ActivationPathTests {
    /// A small shape (Swift path) and one above every `SmallActivation.threshold` (oneDNN path).
    static let shapes = [[2, 3, 4, 4], [2, 16, 48, 48]]

    @Test(arguments: Nonlinearity.allCases, ActivationPathTests.shapes)
    func valuesMatchTheReference(_ act: Nonlinearity, shape: [Int]) throws {
        let x = GradientCheck.input(shape, seed: 21, range: 8, requiresGrad: false)
        let y = try x.activation(act)
        var worst = 0.0
        for i in 0..<x.count {
            let want = act.reference(Double(x.data[i]))
            worst = max(worst, abs(Double(y.data[i]) - want) - 1e-5 * max(1, abs(want)))
        }
        #expect(worst <= 0, "\(act) on \(shape): off by \(worst) beyond 1e-5")
    }

    @Test(arguments: Nonlinearity.allCases, ActivationPathTests.shapes)
    func gradientsMatchFiniteDifferences(_ act: Nonlinearity, shape: [Int]) throws {
        let x = GradientCheck.input(shape, seed: 22, range: 8, kinks: [0, 6, -3, 3])
        let (worst, detail) = try GradientCheck.worstViolation([x]) { try $0[0].activation(act) }
        #expect(worst <= 0, "\(act) on \(shape): \(detail)")
    }

    @Test func shapesCoverBothPaths() {
        let counts = Self.shapes.map { $0.reduce(1, *) }
        for act in Nonlinearity.allCases {
            #expect(counts[0] <= SmallActivation.threshold(act) && counts[1] > SmallActivation.threshold(act))
        }
    }
}
