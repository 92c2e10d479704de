import Testing
@testable import NASStore

/// The tally of metric names per run against plain sets, below and beyond its signature limit.
@Suite("Metric name tally")
struct MetricNameTallyTests {
    @Test("every run's names are the union of its trials' names", arguments: [3, 200])
    func namesAreTheUnion(distinctSets: Int) {
        var tally = MetricNameTally()
        var reference: [Int64: Set<String>] = [:]
        for trial in 0..<1_000 {
            let run = Int64(trial % 2)
            let k = trial % distinctSets
            var metrics = ["accuracy": 0.5, "m\(k)": Double(k)]
            if trial % 3 == 0 { metrics["latency"] = 0.01 }
            if trial % 5 == 0 { metrics = [:] }
            tally.note(run: run, sortedPairs: StoreJSON.sortedPairs(metrics))
            if !metrics.isEmpty { reference[run, default: []].formUnion(metrics.keys) }
        }
        #expect(tally.namesByRun == reference)
    }

    @Test("JSON written as bytes reads as the same text as before: sorted keys, shortest numbers, escapes")
    func jsonText() {
        #expect(StoreJSON.object(["b": 0.1, "a": -2, "c": .nan, "d": -.infinity]) == #"{"a":-2.0,"b":0.1,"c":"nan","d":"-inf"}"#)
        #expect(StoreJSON.array([0, 3, 12]) == "[0,3,12]")
        #expect(StoreJSON.array([Double]()) == "[]")
        #expect(StoreJSON.quoted("say \"hi\"\n\u{1}é") == #""say \"hi\"\n\u0001é""#)
        #expect(StoreJSON.object(["z": "1", "y": "two"]) == #"{"y":"two","z":"1"}"#)
    }
}
