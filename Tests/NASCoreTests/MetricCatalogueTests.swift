import NASCore
import Testing

/// The one list of standard metric names and the order outputs show metrics in.
@Suite("Metric catalogue")
struct MetricCatalogueTests {
    @Test("standard metrics come first in the standard order, the others after them by name")
    func order() {
        #expect(MetricCatalogue.standardNames == ["accuracy", "valid_accuracy", "test_accuracy", "loss", "params", "flops",
                                                "macs", "latency", "train_time"])
        #expect(MetricCatalogue.ordered(["zeta", "latency", "macs", "alpha", "params", "accuracy"])
                == ["accuracy", "params", "macs", "latency", "alpha", "zeta"])
    }

    @Test("units come from the name: accuracies are fractions, latencies times, params counts")
    func units() {
        #expect(MetricCatalogue.quantity("test_accuracy", 0.5) == .fraction(0.5))
        #expect(MetricCatalogue.quantity("latency", 0.002) == .seconds(0.002))
        #expect(MetricCatalogue.quantity("score", 3) == .scalar(3))
        #expect(MetricCatalogue.quantity("cv", 0.04) == .fraction(0.04))
        #expect(MetricCatalogue.quantity("noise_cv", 0.04) == .fraction(0.04))
    }
}
