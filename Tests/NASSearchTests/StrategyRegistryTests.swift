import Foundation
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Building strategies from the registry")
struct StrategyRegistryTests {
    let space = ToySpace(length: 4, options: 3)

    @Test(arguments: StrategyRegistry.blackBoxNames)
    func everyNameBuildsAWorkingStrategy(name: String) throws {
        let strategy = try StrategyRegistry.make(name, space: space, seed: 1, maxEpochs: 27,
                                                 objectives: [.maximize(), .minimize("latency")])
        #expect(StrategyRegistry.entry(strategy.name)?.name == name, "\(name) reports a name the registry does not know")
        let ev = HiddenTargetEvaluator(space: space, seed: 2)
        let outcome = try SearchLoop(space: space, evaluator: ev, budget: .trials(30)).run(strategy)
        #expect(outcome.trials.count == 30)
    }

    @Test("every entry's defaults are valid settings, and its Swift initialiser uses the same defaults",
          arguments: StrategyRegistry.blackBoxNames)
    func defaultsAreTheEntrysOwn(name: String) throws {
        let entry = try StrategyRegistry.require(name)
        let complete = try entry.complete([:])
        #expect(complete.count == entry.parameters.count)
        let strategy = try StrategyRegistry.make(name, space: space, seed: 1, maxEpochs: 27, objectives: [.maximize(), .minimize("latency")])
        for parameter in entry.parameters where parameter.name != "max_epochs" {
            guard let reported = strategy.settings[parameter.name].flatMap(Double.init) else { continue }
            #expect(reported == parameter.defaultValue, "\(name).\(parameter.name)")
        }
    }

    @Test func aliasesFindTheirEntry() throws {
        #expect(StrategyRegistry.entry("rea")?.name == "evolution")
        #expect(StrategyRegistry.entry("local")?.name == "local_search")
        #expect(StrategyRegistry.entry("HB")?.name == "hyperband")
        #expect(StrategyRegistry.entry("nonsense") == nil)
    }

    @Test func settingsReachTheStrategy() throws {
        let s = try StrategyRegistry.make("rea", settings: ["population": 20, "sample": 5], space: space, seed: 3)
        #expect(s.settings["population"] == "20" && s.settings["sample"] == "5")
    }

    @Test func mistakesAreNamed() {
        #expect { try StrategyRegistry.make("evolutoin", space: space, seed: 1) } throws: { error in
            "\(error)".contains("did you mean 'evolution'")
        }
        #expect { try StrategyRegistry.make("evolution", settings: ["popsize": 3], space: space, seed: 1) } throws: { error in
            "\(error)".contains("no setting 'popsize'") && "\(error)".contains("population")
        }
        #expect { try StrategyRegistry.make("evolution", settings: ["population": 2.5], space: space, seed: 1) } throws: { error in
            "\(error)".contains("whole number")
        }
        #expect { try StrategyRegistry.make("tpe", settings: ["gamma": 2], space: space, seed: 1) } throws: { error in
            "\(error)".contains("at most 1")
        }
        #expect { try StrategyRegistry.make("hyperband", space: space, seed: 1) } throws: { error in
            "\(error)".contains("max_epochs")
        }
        #expect { try StrategyRegistry.make("nsga2", space: space, seed: 1) } throws: { error in
            "\(error)".contains("two or more objectives")
        }
    }
}

@Suite("Resuming a strategy from its stored name, settings and checkpoint")
struct StrategyResumeTests {
    static let space = ToySpace(length: 4, options: 3)
    static let descriptive: Set<String> = ["seed", "encoding", "size", "schedule", "objectives"]

    @Test(arguments: StrategyRegistry.blackBoxNames)
    func rebuiltAndRestoredStrategyContinuesIdentically(name: String) throws {
        let objectives: [Objective] = [.maximize(), .minimize("latency")]
        let settings: [String: Double] = name == "evolution" ? ["population": 6, "sample": 2] : [:]
        let ev = HiddenTargetEvaluator(space: Self.space, seed: 4)
        let original = try StrategyRegistry.make(name, settings: settings, space: Self.space, seed: 5, maxEpochs: 27,
                                                 objectives: objectives)
        let known = Set(try StrategyRegistry.require(name).parameters.map(\.name))
        let unknown = Set(original.settings.keys).subtracting(known).subtracting(Self.descriptive)
        #expect(unknown.isEmpty, "\(name) reports settings the registry cannot read back: \(unknown)")
        _ = try CheckpointTests.trace(original, ev, steps: 15, space: Self.space)
        let saved = try original.checkpoint()
        let continued = try CheckpointTests.trace(original, ev, steps: 15, space: Self.space)
        let rebuilt = try StrategyRegistry.rebuild(original.name, stored: original.settings, space: Self.space, maxEpochs: 27,
                                                   objectives: objectives)
        #expect(rebuilt.settings == original.settings)
        try rebuilt.restore(from: saved)
        #expect(try CheckpointTests.trace(rebuilt, ev, steps: 15, space: Self.space) == continued)
    }
}

/// A strategy seen only through the public protocol, so that the loop drives it through `ProtocolDriven`.
final class PublicOnly: SearchStrategy {
    let base: any SearchStrategy
    init(_ base: any SearchStrategy) { self.base = base }
    var name: String { base.name }
    var settings: [String: String] { base.settings }
    var isFinished: Bool { base.isFinished }
    func ask(_ count: Int) throws -> [Proposal] { try base.ask(count) }
    func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws { try base.tell(proposal, result: result, score: score) }
    func checkpoint() throws -> Data { try base.checkpoint() }
    func restore(from data: Data) throws { try base.restore(from: data) }
}

@Suite("The loop's specialised and protocol paths")
struct LoopPathTests {
    @Test("fast and protocol paths give equal runs", arguments: StrategyRegistry.blackBoxNames)
    func fastEqualsProtocol(name: String) throws {
        let space = ToySpace(length: 4, options: 3)
        let ev = HiddenTargetEvaluator(space: space, seed: 7)
        func run(_ wrap: (any SearchStrategy) -> any SearchStrategy) throws -> [Proposal] {
            let strategy = try StrategyRegistry.make(name, space: space, seed: 9, maxEpochs: 27,
                                                     objectives: [.maximize(), .minimize("latency")])
            return try SearchLoop(space: space, evaluator: ev, budget: .trials(40), seed: 3).run(wrap(strategy)).trials.map(\.proposal)
        }
        let fast = try run { $0 }
        let plain = try run { PublicOnly($0) }
        #expect(fast.count == 40 && fast == plain)
    }
}
