import Foundation
import Testing
@testable import NASSpaces

/// Metrics addressed by key: the same content as the dictionary by name, whatever the storage.
@Suite struct MetricValuesTests {
    /// `n` metrics with distinct names and values.
    static func metrics(_ n: Int) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (0..<n).map { ("metric_values_test_\($0)", Double($0) * 1.5) })
    }

    @Test("a dictionary reads back unchanged, inline (up to 8 metrics) or not", arguments: [0, 1, 5, 8, 9, 20])
    func dictionaryRoundTrip(count: Int) {
        let metrics = Self.metrics(count)
        let values = MetricValues(metrics)
        #expect(values.dictionary == metrics)
        #expect(values.count == count)
        for (name, value) in metrics {
            #expect(values.value(of: MetricKey(name)) == value)
            #expect(values.value(of: name) == value)
        }
        #expect(values.value(of: MetricKey("metric_values_test_absent")) == nil)
    }

    @Test("setting, replacing and removing across the inline limit keep the content and equality")
    func editsAcrossTheLimit() {
        var values = MetricValues()
        var reference: [String: Double] = [:]
        for i in 0..<12 {
            let name = "metric_values_edit_\(i)"
            values[MetricKey(name)] = Double(i)
            reference[name] = Double(i)
            #expect(values.dictionary == reference)
            #expect(values == MetricValues(reference))
        }
        for i in stride(from: 11, through: 0, by: -2) {
            let name = "metric_values_edit_\(i)"
            values[MetricKey(name)] = nil
            reference[name] = nil
            #expect(values.dictionary == reference)
            #expect(values == MetricValues(reference))
            #expect(values.hashValue == MetricValues(reference).hashValue)
        }
        values[MetricKey("metric_values_edit_0")] = -1
        reference["metric_values_edit_0"] = -1
        #expect(values.dictionary == reference)
    }

    @Test("the standard keys are the standard names")
    func standardKeys() {
        let keys: [(MetricKey, String)] = [(.accuracy, "accuracy"), (.validAccuracy, "valid_accuracy"), (.testAccuracy, "test_accuracy"),
                                           (.loss, "loss"), (.params, "params"), (.flops, "flops"), (.macs, "macs"),
                                           (.latency, "latency"), (.trainTime, "train_time")]
        for (key, name) in keys {
            #expect(MetricKey(name) == key)
            #expect(key.name == name)
        }
    }

    @Test("a result's JSON has the same fields as before, metrics by name, and reads back")
    func trialResultCoding() throws {
        for count in [0, 3, 9] {
            var result = TrialResult(metrics: Self.metrics(count), curve: count > 0 ? [0.1, 0.2] : [], simulatedSeconds: 3,
                                     wallSeconds: 0.5, error: count == 9 ? "loss became NaN" : nil)
            let data = try JSONEncoder().encode(result)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let fields: Set<String> = ["status", "metrics", "curve", "simulatedSeconds", "wallSeconds"]
            #expect(Set(object.keys) == (count == 9 ? fields.union(["error"]) : fields))
            #expect(object["metrics"] as? [String: Double] == Self.metrics(count))
            #expect(try JSONDecoder().decode(TrialResult.self, from: data) == result)
            result.curve.append(0.3)
            result.metrics["extra"] = 1
            #expect(result.curve.last == 0.3 && result.value(of: "extra") == 1)
        }
        let written = #"{"status":"done","metrics":{"accuracy":0.9,"params":1000},"curve":[],"simulatedSeconds":2,"wallSeconds":0}"#
        let read = try JSONDecoder().decode(TrialResult.self, from: Data(written.utf8))
        #expect(read == TrialResult(metrics: ["accuracy": 0.9, "params": 1000], simulatedSeconds: 2))
        #expect(read.value(of: .accuracy) == 0.9 && read.error == nil)
        #expect(TrialResult.failed("boom").error == "boom")
    }
}
