import NASCore
import Testing
@testable import NASSpaces

/// The basenet space and a profiled space cut from it: members are exactly the allowed combinations,
/// and every move of a strategy stays among them.
@Suite struct ProfiledSpaceTests {
    /// Basenet with all four blocks on three single-position stages: 4³ = 64 architectures.
    static func parent() throws -> BasenetSpace { try BasenetSpace(stages: [(4, 1), (8, 1), (8, 1)]) }
    static let keptTypes = [["vgg_k3", "res_k3"], ["mb_k3_e6"], ["res_k3", "mb_k5_e3", "vgg_k3"]]

    /// The parent's members whose block at each position is among `keptTypes`, by brute force.
    static func allowed(_ parent: BasenetSpace) throws -> Set<[Int]> {
        Set(try parent.enumerate(limit: 100).map(\.tokens).filter { tokens in
            tokens.enumerated().allSatisfy { p, t in keptTypes[p].contains(parent.blocks[t]) }
        })
    }

    @Test("basenet: 4^L architectures, specified networks repeat one block, the network has one scope per position")
    func basenet() throws {
        let space = try BasenetSpace()
        #expect(space.size.intValue == 4096)
        let vgg = try #require(try space.specifiedNetwork("vgg_k3"))
        #expect(space.canonical(vgg) == Array(repeating: "vgg_k3", count: 6).joined(separator: "-"))
        #expect(try space.parse(space.canonical(vgg)) == vgg)
        let parts = try space.blockParts(of: vgg, input: space.defaultInput, classes: 10)
        #expect(parts.count == 8)  // stem, six blocks, head
        let spec = try space.network(vgg, input: space.defaultInput, classes: 10)
        // Each stage's first position halves 32×32, so the last block gives 64 channels at 4×4.
        let last = try #require(spec.nodes.last { $0.name.hasPrefix("stage3.layer6.") })
        #expect(last.outputShape == TensorShape(channels: 64, height: 4, width: 4))
        #expect(throws: SpaceError.self) { try BasenetSpace(blocks: ["vgg", "res_k3"]) }
    }

    @Test("a profiled space offers only its kept blocks, while its tokens still index the parent's options")
    func offersTheKeptBlocks() throws {
        let parent = try Self.parent()
        let space = try ProfiledSpace(parent: parent, keeping: Self.keptTypes)
        #expect(space.offeredDecisions.map(\.options) == Self.keptTypes.map { kept in parent.blocks.filter(kept.contains) })
        #expect(space.offeredDecisions.map(\.name) == parent.decisions.map(\.name))
        #expect(space.decisions == parent.decisions)
        #expect(parent.offeredDecisions == parent.decisions)
    }

    @Test("enumerating the profiled space gives exactly the parent's members that the kept blocks allow")
    func enumerateMatchesBruteForce() throws {
        let parent = try Self.parent()
        let space = try ProfiledSpace(parent: parent, keeping: Self.keptTypes)
        let members = try space.enumerate(limit: 100)
        #expect(space.size.intValue == 6)
        #expect(members.count == 6)
        #expect(Set(members.map(\.tokens)) == (try Self.allowed(parent)))
        #expect(members.allSatisfy { $0.space == parent.name })
        for m in members { try space.validate(m) }
    }

    @Test("sampling, mutation, neighbours and crossover stay among the allowed members")
    func movesStayInside() throws {
        let parent = try Self.parent()
        let space = try ProfiledSpace(parent: parent, keeping: Self.keptTypes)
        let allowed = try Self.allowed(parent)
        var rng = SeededRandom(seed: 7)
        var sampled = Set<[Int]>()
        for _ in 0..<200 {
            let a = space.sample(using: &rng), b = space.sample(using: &rng)
            sampled.insert(a.tokens)
            let m = space.mutate(a, using: &rng)
            #expect(allowed.contains(m.tokens) && m != a)
            #expect(allowed.contains(space.crossover(a, b, using: &rng).tokens))
        }
        #expect(sampled == allowed)
        let a = try space.parse("res_k3-mb_k3_e6-vgg_k3")
        // Neighbours: position 1 has one other kept block, position 3 two others: 3 in all.
        #expect(Set(space.neighbors(a).map { space.canonical($0) })
                == ["vgg_k3-mb_k3_e6-vgg_k3", "res_k3-mb_k3_e6-res_k3", "res_k3-mb_k3_e6-mb_k5_e3"])
    }

    @Test("an architecture with a profiled-out block is rejected with the position named")
    func rejectsProfiledOut() throws {
        let parent = try Self.parent()
        let space = try ProfiledSpace(parent: parent, keeping: Self.keptTypes)
        let outside = try parent.parse("mb_k3_e6-mb_k3_e6-vgg_k3")
        #expect(throws: SpaceError.self) { try space.validate(outside) }
        #expect(throws: SpaceError.self) { try space.parse("vgg_k3-vgg_k3-vgg_k3") }
        #expect(throws: SpaceError.self) { try ProfiledSpace(parent: parent, keeping: [["vgg_k3"], [], ["vgg_k3"]]) }
        #expect(throws: SpaceError.self) { try ProfiledSpace(parent: parent, keeping: [["vgg_k3"], ["skip"], ["vgg_k3"]]) }
    }

    @Test("as a blockwise space it offers only the kept blocks, and its choices map back to the parent's")
    func blockwise() throws {
        let parent = try Self.parent()
        let space = try ProfiledSpace(parent: parent, keeping: Self.keptTypes)
        #expect(space.blockOptions(at: 2) == ["vgg_k3", "res_k3", "mb_k5_e3"])  // parent order
        let a = try space.architecture(blockChoices: [1, 0, 2])
        #expect(space.canonical(a) == "res_k3-mb_k3_e6-mb_k5_e3")
        #expect(space.blockChoices(of: a) == [1, 0, 2])
        #expect(try space.specifiedNetwork("vgg_k3") == nil)  // position 2 keeps only mb_k3_e6
    }
    @Test("the basenet supernet mixes every block at every position; derive takes each row's strongest block")
    func supernet() throws {
        let space = try Self.parent()
        let net = try space.supernet(input: space.defaultInput, classes: 10)
        #expect(net.rows.count == 3 && net.choices.count == 3)
        #expect(net.choices.allSatisfy { $0.branches.count == 4 && $0.branches.allSatisfy { $0 != nil } })
        let a = try space.derive(from: [[0, 1, 0, 0], [0, 0, 0, 2], [3, 1, 1, 1]])
        #expect(space.canonical(a) == "res_k3-mb_k5_e3-vgg_k3")
        #expect(try space.selection(of: a) == [1, 3, 0])
        #expect(throws: SpaceError.self) { try space.derive(from: [[1, 0, 0, 0]]) }
    }
}
