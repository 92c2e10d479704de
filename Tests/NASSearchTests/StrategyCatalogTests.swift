import Foundation
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Building strategies by name")
struct StrategyCatalogTests {
    let space = ToySpace(length: 4, options: 3)

    @Test(arguments: StrategyCatalog.names)
    func everyNameBuildsAWorkingStrategy(name: String) throws {
        let strategy = try StrategyCatalog.make(name, space: space, objectives: [.maximize(), .minimize("latency")],
                                                maxEpochs: 27, seed: 1)
        #expect(strategy.name == name)
        let ev = HiddenTargetEvaluator(space: space, seed: 2)
        let outcome = try SearchLoop(space: space, evaluator: ev, budget: .trials(30)).run(strategy)
        #expect(outcome.trials.count == 30)
    }

    @Test func settingsReachTheStrategy() throws {
        let s = try StrategyCatalog.make("rea", space: space, settings: ["population": 20, "sample": 5], seed: 3)
        #expect(s.settings["population"] == "20" && s.settings["sample"] == "5")
    }

    @Test func mistakesAreNamed() {
        #expect { try StrategyCatalog.make("evolutoin", space: space, seed: 1) } throws: { error in
            "\(error)".contains("did you mean 'evolution'")
        }
        #expect { try StrategyCatalog.make("evolution", space: space, settings: ["popsize": 3], seed: 1) } throws: { error in
            "\(error)".contains("no setting 'popsize'") && "\(error)".contains("population")
        }
        #expect { try StrategyCatalog.make("evolution", space: space, settings: ["population": 2.5], seed: 1) } throws: { error in
            "\(error)".contains("whole number")
        }
        #expect { try StrategyCatalog.make("hyperband", space: space, seed: 1) } throws: { error in
            "\(error)".contains("max_epochs")
        }
    }
}

@Suite("Resuming a strategy from its stored name, settings and checkpoint")
struct StrategyResumeTests {
    static let space = ToySpace(length: 4, options: 3)
    static let descriptive: Set<String> = ["seed", "encoding", "size", "schedule", "objectives"]

    @Test(arguments: StrategyCatalog.names)
    func rebuiltAndRestoredStrategyContinuesIdentically(name: String) throws {
        let objectives: [Objective] = [.maximize(), .minimize("latency")]
        let settings: [String: Double] = name == "evolution" ? ["population": 6, "sample": 2] : [:]
        let ev = HiddenTargetEvaluator(space: Self.space, seed: 4)
        let original = try StrategyCatalog.make(name, space: Self.space, settings: settings, objectives: objectives,
                                                maxEpochs: 27, seed: 5)
        let unknown = Set(original.settings.keys).subtracting(StrategyCatalog.options(for: name)).subtracting(Self.descriptive)
        #expect(unknown.isEmpty, "\(name) reports settings the catalog cannot read back: \(unknown)")
        _ = try CheckpointTests.trace(original, ev, steps: 15, space: Self.space)
        let saved = try original.checkpoint()
        let continued = try CheckpointTests.trace(original, ev, steps: 15, space: Self.space)
        let rebuilt = try StrategyCatalog.rebuild(name, space: Self.space, settings: original.settings,
                                                  objectives: objectives, maxEpochs: 27)
        #expect(rebuilt.settings == original.settings)
        try rebuilt.restore(from: saved)
        #expect(try CheckpointTests.trace(rebuilt, ev, steps: 15, space: Self.space) == continued)
    }
}
