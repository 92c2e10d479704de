import Testing
@testable import NASHardware

/// The prediction report's figures against values worked out by hand.
@Suite struct PredictionReportTests {
    @Test("RMSE, MAPE, the ±10% share and rank correlations of a small sample")
    func figures() throws {
        let measured = [1.0, 2.0, 4.0, 8.0]
        let predicted = [1.05, 2.5, 3.8, 8.0]   // errors 0.05, 0.5, -0.2, 0: relative 5%, 25%, 5%, 0%
        let report = PredictionReport(predicted: predicted, measured: measured)
        #expect(abs(report.rmse - ((0.0025 + 0.25 + 0.04) / 4).squareRoot()) < 1e-12)
        #expect(abs(report.mape - (0.05 + 0.25 + 0.05 + 0) / 4) < 1e-12)
        #expect(report.withinTenPercent == 0.75)
        #expect(report.kendallTau == 1)
        #expect(report.spearman == 1)
    }
}
