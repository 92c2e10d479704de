import Testing
@testable import NASCore

@Suite struct NiceScaleTests {
    @Test("0–1 gets ticks 0, 0.2, …, 1")
    func unitRange() {
        let scale = NiceScale(minimum: 0, maximum: 1)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test("3–97 widens to 0–100 with ticks every 20")
    func widensToRoundNumbers() {
        let scale = NiceScale(minimum: 3, maximum: 97)
        #expect(scale.lower == 0 && scale.upper == 100)
        #expect(scale.ticks == [0, 20, 40, 60, 80, 100])
    }

    @Test("91.2%–94.7% gets ticks 0.91 … 0.95 without rounding noise")
    func smallFractions() {
        // range 0.035 → nice 0.05; step nice(0.05 / 4 = 0.0125) = 0.01; 0.912 → 0.91, 0.947 → 0.95
        let scale = NiceScale(minimum: 0.912, maximum: 0.947)
        #expect(scale.step == 0.01)
        #expect(scale.ticks == [0.91, 0.92, 0.93, 0.94, 0.95])
    }

    @Test("a single value gets a range around it")
    func degenerateRange() {
        // 5 ± 10% → 4.5…5.5; range 1, step nice(0.25) = 0.2, widened to 4.4…5.6
        let scale = NiceScale(minimum: 5, maximum: 5)
        #expect(scale.ticks.count == 7)
        #expect(scale.ticks.first == 4.4 && scale.ticks.last == 5.6)
    }

    @Test("nice numbers round to 1, 2, 5 or 10 times a power of ten")
    func niceNumbers() {
        #expect(NiceScale.niceNumber(25, round: true) == 20)
        #expect(NiceScale.niceNumber(0.0125, round: true) == 0.01)
        #expect(NiceScale.niceNumber(94, round: false) == 100)
        #expect(NiceScale.niceNumber(3.5, round: true) == 5)
        #expect(NiceScale.niceNumber(7.5, round: true) == 10)
    }

    @Test("time axes read in ms with the unit in the label")
    func timeAxisUnit() {
        let axis = PlotAxis(name: "latency", minimum: 0.0031, maximum: 0.0187, dimension: .time)
        // range 0.0156 s → nice 0.02; step nice(0.005) = 0.005 → 0, 5, 10, 15, 20 ms
        #expect(axis.label == "latency (ms)")
        #expect(axis.labelledTicks.map(\.label) == ["0", "5", "10", "15", "20"])
    }

    @Test("percent axes read in % with whole-number ticks")
    func percentAxisUnit() {
        let axis = PlotAxis(name: "accuracy", minimum: 0.912, maximum: 0.947, hint: .percent)
        #expect(axis.label == "accuracy (%)")
        #expect(axis.labelledTicks.map(\.label) == ["91", "92", "93", "94", "95"])
    }

    @Test("extreme and tiny ranges still give a few finite ticks")
    func extremeRanges() {
        for (low, high) in [(-1e308, 1e308), (0, Double.leastNonzeroMagnitude), (Double.leastNormalMagnitude / 100, Double.leastNormalMagnitude / 100), (-.infinity, .nan), (7, 7 + 1e-14)] {
            let ticks = NiceScale(minimum: low, maximum: high).ticks
            #expect((2...20).contains(ticks.count), "\(low)…\(high): \(ticks.count) ticks")
            #expect(ticks.allSatisfy { $0.isFinite }, "\(low)…\(high)")
        }
    }
}
