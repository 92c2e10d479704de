import NASCore
import Testing
@testable import NASSpaces

/// `NB201Space`'s own sampling, mutation and validation against the rules they implement,
/// replayed with a copy of the same random stream.
@Suite struct NB201SamplingTests {
    let space = NB201Space()

    @Test("a sample is six successive uniform draws over the five ops")
    func sampleIsSixDraws() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<500 {
            var replay = rng
            let expected = (0..<6).map { _ in replay.nextInt(below: 5) }
            #expect(space.sample(using: &rng).tokens == expected)
            #expect(rng == replay)
        }
    }

    @Test("a mutation moves one drawn edge by a drawn shift of 1 to 4 ops, and nothing else")
    func mutationChangesOneEdge() throws {
        var rng = SeededRandom(seed: 12)
        for index in stride(from: 0, to: 15_625, by: 7) {
            let parent = try space.architecture(atIndex: index)
            var replay = rng
            let edge = replay.nextInt(below: 6)
            let shift = 1 + replay.nextInt(below: 4)
            var expected = parent.tokens
            expected[edge] = (expected[edge] + shift) % 5
            let child = space.mutate(parent, using: &rng)
            #expect(child.tokens == expected)
            #expect(child.space == "nb201")
            #expect(zip(child.tokens, parent.tokens).filter { $0 != $1 }.count == 1)
        }
    }

    @Test("invalid cells are refused with the decision at fault, and have no index")
    func invalidCells() {
        let outOfRange = Architecture(space: "nb201", tokens: [0, 1, 2, 3, 4, 5])
        #expect(space.index(of: outOfRange) == -1)
        #expect(throws: SpaceError.self) { try space.validate(outOfRange) }
        do { try space.validate(outOfRange) } catch {
            #expect("\(error)".contains("edge_3_2") && "\(error)".contains("5 is out of range"))
        }
        #expect(space.index(of: Architecture(space: "nb201", tokens: [0, 1, 2])) == -1)
        #expect(throws: SpaceError.self) { try space.validate(Architecture(space: "nb201", tokens: [0, 1, 2])) }
        #expect(throws: SpaceError.self) { try space.validate(Architecture(space: "other", tokens: [0, 0, 0, 0, 0, 0])) }
        #expect(throws: Never.self) { try space.validate(Architecture(space: "nb201", tokens: [4, 3, 2, 1, 0, 4])) }
    }
}
