import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

/// The population ring, the pending-proposal list and `askOne` against plain reference behaviour.
@Suite("Evolution bookkeeping")
struct EvolutionBookkeepingTests {
    static func member(_ score: Double) -> Observation {
        Observation(architecture: Architecture(space: "toy", tokens: [Int(score)]), score: score)
    }

    @Test("the ring keeps members in age order and checkpoints them oldest first")
    func ringKeepsAgeOrder() throws {
        var ring = AgedPopulation()
        var reference: [Observation] = []
        for i in 0..<23 {
            let m = Self.member(Double(i))
            if ring.count == 5 {
                ring.replaceOldest(with: m)
                reference.removeFirst()
            } else {
                ring.append(m)
            }
            reference.append(m)
            #expect(ring.members == reference)
            #expect((0..<ring.count).map { ring.score(atRank: $0) } == reference.map(\.score))
        }
        ring.remove(atRank: 2)
        reference.remove(at: 2)
        #expect(ring.members == reference)
        let data = try JSONEncoder().encode(ring)
        #expect(try JSONDecoder().decode([Observation].self, from: data) == reference)
        #expect(try JSONDecoder().decode(AgedPopulation.self, from: data).members == reference)
    }

    @Test("pending ids read back in any order are resolved once each")
    func pendingIdsInAnyOrder() throws {
        let json = #"{"nextID":6,"pending":[5,1,3]}"#
        var counter = try JSONDecoder().decode(ProposalCounter.self, from: Data(json.utf8))
        let arch = Architecture(space: "toy", tokens: [0])
        for id in [3, 5, 1] { try counter.resolve(Proposal(id: id, architecture: arch), strategy: "test") }
        #expect(counter.pendingCount == 0)
        #expect(throws: StrategyError.self) { try counter.resolve(Proposal(id: 3, architecture: arch), strategy: "test") }
        let next = counter.propose(arch)
        #expect(next.id == 6 && counter.pendingCount == 1)
    }

    @Test("askOne gives what ask(1) gives, for strategies with and without their own")
    func askOneMatchesAskOfOne() throws {
        let space = ToySpace(length: 4, options: 3)
        for name in ["random", "evolution", "tournament"] {
            let a = try StrategyFactory.make(name, space: space, seed: 3)
            let b = try StrategyFactory.make(name, space: space, seed: 3)
            for step in 0..<40 {
                let viaOne = try #require(try (a as! any LoopSpecialised).askOne())
                let viaArray = try #require(try b.ask(1).first)
                #expect(viaOne == viaArray, "\(name), step \(step)")
                let score = Double(viaOne.architecture.tokens.reduce(0, +))
                let result = TrialResult(metrics: ["accuracy": score])
                try a.tell(viaOne, result: result, score: score)
                try b.tell(viaArray, result: result, score: score)
            }
        }
    }
}
