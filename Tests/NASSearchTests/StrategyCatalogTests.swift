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
