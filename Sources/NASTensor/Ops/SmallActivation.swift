import Foundation

/// Activations of small tensors computed in Swift, forward and backward, with the formulas of
/// oneDNN's training kernels (`Nonlinearity.trainingKernel`).
///
/// A oneDNN call costs a fixed amount whatever its size: the OpenMP team it starts (with
/// `OMP_WAIT_POLICY=PASSIVE` the partner thread has to be woken: 8 µs on a quiet machine, tens
/// under load), a stream, memory objects and a kernel lookup. Below `threshold(_:)` values a
/// plain loop on the calling thread is faster; see docs/performance.md ("Small ops and depthwise").
enum SmallActivation {
    /// The most values computed here rather than by oneDNN, where the measured times crossed
    /// (`SmallOpTimingTests/crossover`): the clamps vectorise (65,536 ReLUs in 4.7 µs against
    /// oneDNN's 14), the exponentials do not (sigmoid crosses near 3,000 values, tanh near 900).
    static func threshold(_ act: Nonlinearity) -> Int {
        switch act {
        case .relu, .relu6, .hswish: return 1 << 16
        case .sigmoid, .swish: return 2048
        case .tanh: return 512
        }
    }

    /// `y = f(x)` over `n` values.
    static func forward(_ act: Nonlinearity, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        switch act {
        case .relu: for i in 0..<n { y[i] = max(x[i], 0) }
        case .relu6: for i in 0..<n { y[i] = min(max(x[i], 0), 6) }
        case .hswish: for i in 0..<n { y[i] = x[i] * min(max(x[i] + 3, 0), 6) / 6 }
        case .sigmoid: for i in 0..<n { y[i] = logistic(x[i]) }
        case .swish: for i in 0..<n { y[i] = x[i] * logistic(x[i]) }
        case .tanh: for i in 0..<n { y[i] = tanh(x[i]) }
        }
    }

    /// `dx = f'(x) · dy` over `n` values; `saved` is the output when `act.backwardReadsOutput`,
    /// otherwise the input.
    static func backward(_ act: Nonlinearity, saved s: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                         _ dx: UnsafeMutablePointer<Float>, _ n: Int) {
        switch act {
        case .relu: for i in 0..<n { dx[i] = s[i] > 0 ? dy[i] : 0 }
        case .relu6: for i in 0..<n { dx[i] = s[i] > 0 && s[i] < 6 ? dy[i] : 0 }
        case .sigmoid: for i in 0..<n { dx[i] = dy[i] * s[i] * (1 - s[i]) }
        case .tanh: for i in 0..<n { dx[i] = dy[i] * (1 - s[i] * s[i]) }
        case .hswish: for i in 0..<n { dx[i] = hswishDerivative(s[i]) * dy[i] }
        case .swish:
            for i in 0..<n {
                let g = logistic(s[i])
                dx[i] = dy[i] * (g + s[i] * g * (1 - g))
            }
        }
    }

    /// `1 / (1 + e^-x)`.
    @inline(__always)
    private static func logistic(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

    /// The derivative of `x · relu6(x + 3) / 6`.
    @inline(__always)
    private static func hswishDerivative(_ x: Float) -> Float {
        x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6
    }
}
