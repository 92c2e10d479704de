import Foundation

/// A parametric learning-curve family from Domhan et al. (IJCAI 2015): accuracy as a function of the epoch.
public enum CurveFamily: String, Sendable, Hashable, Codable, CaseIterable {
    /// `c - a·x^(-α)`.
    case pow3
    /// `a / (1 + (x / e^b)^c)` (increasing when `c < 0`).
    case logPower
    /// `c - exp(b - a·x)`.
    case exp3
    /// `c - a / log(x + 1)`.
    case ilog2

    /// The value at epoch `x` for parameters `p`.
    public func value(_ x: Double, _ p: [Double]) -> Double {
        switch self {
        case .pow3: return p[0] - p[1] * pow(x, -p[2])
        case .logPower: return p[0] / (1 + pow(x / exp(p[1]), p[2]))
        case .exp3: return p[0] - exp(p[1] - p[2] * x)
        case .ilog2: return p[0] - p[1] / log(x + 1)
        }
    }

    /// Starting parameters from the observed curve, for the least-squares fit.
    func initialGuess(_ curve: [Double]) -> (start: [Double], step: [Double]) {
        let last = curve.last ?? 0.5, first = curve.first ?? 0
        let rise = max(last - first, 0.05)
        switch self {
        case .pow3: return ([last + rise * 0.5, rise * 1.5, 0.5], [0.05, 0.1, 0.2])
        case .logPower: return ([last + rise * 0.3, 0.0, -1.0], [0.05, 0.5, 0.3])
        case .exp3: return ([last + rise * 0.2, log(rise * 2), 0.3], [0.05, 0.3, 0.1])
        case .ilog2: return ([last + rise, rise, 0], [0.05, 0.1, 0])
        }
    }

    /// The number of free parameters.
    var parameterCount: Int { self == .ilog2 ? 2 : 3 }
}
