import Testing
@testable import NASCore

@Suite struct PlotRequestTests {
    private func n(_ v: Double) -> Cell { .number(Quantity(v)) }

    private var trials: Table {
        Table(columns: ["seed", "trial", "score", "latency"], rows: [
            [n(1), n(1), n(0.5), .number(.seconds(0.010))], [n(1), n(2), n(0.4), .number(.seconds(0.020))], [n(1), n(3), n(0.7), .number(.seconds(0.030))],
            [n(2), n(1), n(0.6), .number(.seconds(0.015))], [n(2), n(2), n(0.8), .number(.seconds(0.025))], [n(2), n(3), n(0.3), .number(.seconds(0.005))],
        ])
    }

    @Test("y: best without a best column is the running maximum of score per seed")
    func bestSoFar() throws {
        let plot = try PlotRequest(x: "trial", y: ["best"], by: "seed").plot(trials)
        #expect(plot.kind == .line)
        #expect(plot.series.map(\.name) == ["seed 1", "seed 2"])
        #expect(plot.series[0].points.map(\.y) == [0.5, 0.5, 0.7])
        #expect(plot.series[1].points.map(\.y) == [0.6, 0.8, 0.8])
    }

    @Test("band: seed gives the mean line and the min–max band")
    func band() throws {
        let plot = try PlotRequest(x: "trial", y: ["best"], band: "seed").plot(trials)
        #expect(plot.series.count == 1)
        // per trial: seed 1 best 0.5, 0.5, 0.7; seed 2 best 0.6, 0.8, 0.8
        let means = plot.series[0].points.map { ($0.y * 1000).rounded() / 1000 }
        #expect(means == [0.55, 0.65, 0.75])
        #expect(plot.series[0].band.map(\.low) == [0.5, 0.5, 0.7])
        #expect(plot.series[0].band.map(\.high) == [0.6, 0.8, 0.8])
    }

    @Test("replicates with different x count at each x with their latest value")
    func spreadSteps() {
        let (line, band) = PlotRequest.spread([[PlotPoint(0, 1), PlotPoint(2, 3)], [PlotPoint(1, 5)]])
        // x 0: only the first (1); x 1: 1 and 5; x 2: 3 and 5
        #expect(line == [PlotPoint(0, 1), PlotPoint(1, 3), PlotPoint(2, 4)])
        #expect(band.map(\.high) == [1, 5, 5])
    }

    @Test("a scatter plot with front marks the rows no other beats on smaller x and larger y")
    func paretoFront() throws {
        let plot = try PlotRequest(x: "latency", y: ["score"], front: true).plot(trials)
        #expect(plot.kind == .scatter)
        // (5ms, 0.3) fastest; (10ms, 0.5) beats it on score; (15ms, 0.6); (25ms, 0.8); 20ms and 30ms are beaten
        #expect(plot.series.last?.name == "Pareto front")
        #expect(plot.series.last?.points.map(\.y) == [0.3, 0.5, 0.6, 0.8])
        #expect(plot.x.label == "latency (ms)")
    }

    @Test("a histogram counts values in Sturges' number of equal bins")
    func histogram() throws {
        let plot = try PlotRequest(x: "score").plot(trials)
        #expect(plot.kind == .histogram)
        // 6 values → ⌈log₂ 6⌉ + 1 = 4 bins over 0.3…0.8 (width 0.125): 0.3, 0.4 | 0.5 | 0.6 | 0.7, 0.8
        #expect(plot.bars.map(\.value) == [2, 1, 1, 2])
        #expect(plot.y.name == "count")
    }

    @Test("a text x column gives one bar per row")
    func barChart() throws {
        let table = Table(columns: ["op", "n"], rows: [[.string("conv"), n(3)], [.string("skip"), n(1)]])
        let plot = try PlotRequest(x: "op", y: ["n"]).plot(table)
        #expect(plot.kind == .bar)
        #expect(plot.bars.map(\.label) == ["conv", "skip"])
        #expect(plot.bars.map(\.value) == [3, 1])
    }

    @Test("an unknown column is an error naming the closest one")
    func unknownColumn() {
        #expect(throws: PlotError.self) { try PlotRequest(x: "trail", y: ["score"]).plot(trials) }
        do { _ = try PlotRequest(x: "trail", y: ["score"]).plot(trials) } catch {
            #expect("\(error)".contains("did you mean 'trial'"))
        }
    }
}

extension PlotRequestTests {
    @Test("best-so-far follows the trial column, whatever the rows' order")
    func bestSoFarInTrialOrder() throws {
        let shuffled = Table(columns: ["trial", "score"], rows: [[n(3), n(0.9)], [n(1), n(0.2)], [n(2), n(0.5)]])
        let plot = try PlotRequest(x: "trial", y: ["best"]).plot(shuffled)
        // in trial order the scores are 0.2, 0.5, 0.9: each a new best
        #expect(plot.series[0].points == [PlotPoint(1, 0.2), PlotPoint(2, 0.5), PlotPoint(3, 0.9)])
    }
}

extension PlotRequestTests {
    @Test("a column of JSON lists gives one learning curve per row against epochs 1, 2, 3, …")
    func learningCurves() throws {
        let table = Table(columns: ["trial", "curve"], rows: [[n(1), .string("[0.5, 0.6]")], [n(2), .null], [n(3), .string("[0.4,0.7,0.8]")]])
        let plot = try PlotRequest(y: ["curve"]).plot(table)
        #expect(plot.series.map(\.name) == ["trial 1", "trial 3"])
        #expect(plot.series[1].points == [PlotPoint(1, 0.4), PlotPoint(2, 0.7), PlotPoint(3, 0.8)])
        #expect(plot.x.label == "epoch" && plot.y.label == "curve (%)")
    }

    @Test("text that is not a list of numbers is not a curve")
    func notCurves() {
        #expect(PlotRequest.numberList("[1, x]") == nil)
        #expect(PlotRequest.numberList("1, 2") == nil)
        #expect(PlotRequest.numberList(" [ ] ") == [])
        #expect(PlotRequest.curves(Table(columns: ["c"], rows: [[.string("[]")]]), "c") == nil)
    }
}
