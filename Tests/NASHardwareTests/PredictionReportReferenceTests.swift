import Testing
@testable import NASHardware

/// The prediction report against scipy on a small case with ties.
@Suite struct PredictionReportReferenceTests {
    @Test("RMSE, MAPE, ±10%, bias, Kendall τ-b and Spearman ρ match numpy/scipy")
    func scipyReference() {
        let measured = [3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.6]
        let predicted = [2.5, 1.2, 4.3, 1.2, 5.45, 8.0, 2.6]
        // Computed once with
        //   from scipy.stats import kendalltau, spearmanr; import numpy as np
        //   e = p - m; r = abs(e) / m
        //   kendalltau(p, m)[0], spearmanr(p, m)[0], sqrt(mean(e**2)), mean(r), mean(r <= 0.1), mean(e / m)
        let report = PredictionReport(predicted: predicted, measured: measured)
        #expect(abs(report.kendallTau! - 0.8783100656536799) < 1e-12)
        #expect(abs(report.spearman! - 0.9549937104572924) < 1e-12)
        #expect(abs(report.rmse - 0.48880320316930354) < 1e-12)
        #expect(abs(report.mape - 0.1203968253968254) < 1e-12)
        #expect(abs(report.withinTenPercent - 0.42857142857142855) < 1e-12)
        #expect(abs(report.bias - -0.01611111111111112) < 1e-12)
    }
}
