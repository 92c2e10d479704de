import Foundation
import NASSpaces
import Testing
@testable import NASSearch

/// The objective finds its metric by a key looked up once; the key must follow the target.
@Suite struct ObjectiveKeyTests {
    let result = TrialResult(metrics: ["accuracy": 0.9, "loss": 0.3, "latency": 0.02])

    @Test("changing the target changes the metric scored")
    func targetChangesFollowed() {
        var objective = Objective.maximize()
        #expect(objective.score(result) == 0.9)
        objective.target = .metric("loss", .minimize)
        #expect(objective.score(result) == -0.3)
        objective.target = .metric("missing", .maximize)
        #expect(objective.score(result) == -.infinity)
        #expect(objective == .maximize("missing"))
    }

    @Test("the JSON form holds the target and constraints only, and reads back with a working key")
    func coding() throws {
        let objective = Objective.minimize("loss", constraints: [Constraint("latency", .less, 0.05)])
        let data = try JSONEncoder().encode(objective)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["target", "constraints"])
        let read = try JSONDecoder().decode(Objective.self, from: data)
        #expect(read == objective)
        #expect(read.score(result) == -0.3)
        #expect(read.rawValue(of: result) == read.rawValue(of: result.metrics))
    }
}
