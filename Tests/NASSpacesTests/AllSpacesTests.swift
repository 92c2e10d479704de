import Foundation
import NASCore
import Testing
@testable import NASSpaces

/// Properties every space must have: round trips, valid moves, decodable networks, drawings, help.
@Suite struct AllSpacesTests {
    static let spaces: [any SearchSpace] = SpaceCatalogue.names.map { try! SpaceCatalogue.make($0) }

    @Test(arguments: SpaceCatalogue.names)
    func canonicalRoundTripsAndMovesStayValid(_ name: String) throws {
        let space = try SpaceCatalogue.make(name)
        var rng = SeededRandom(seed: 2024)
        let samples = name == "hierarchical" || name == "cell" ? 60 : 200
        for _ in 0..<samples {
            let a = space.sample(using: &rng)
            try space.validate(a)
            let text = space.canonical(a)
            #expect(try space.parse(text) == a, "\(name): \(text)")
            try space.validate(space.mutate(a, using: &rng))
            try space.validate(space.crossover(a, space.sample(using: &rng), using: &rng))
            #expect(try space.encode(a, as: .onehot).count == space.decisions.reduce(0) { $0 + $1.count })
        }
        let a = space.sample(using: &rng)
        for n in space.neighbors(a).prefix(300) {
            try space.validate(n)
            #expect(n != a)
        }
    }

    @Test(arguments: SpaceCatalogue.names)
    func samplesDecodeToNetworksWithCosts(_ name: String) throws {
        let space = try SpaceCatalogue.make(name)
        var rng = SeededRandom(seed: 77)
        for _ in 0..<(name == "hierarchical" || name == "ofa" ? 3 : 10) {
            let a = space.sample(using: &rng)
            let spec = try space.network(a, input: space.defaultInput, classes: space.defaultClasses)
            #expect(spec.nodes[spec.output].outputShape == TensorShape(channels: space.defaultClasses, height: 1, width: 1))
            #expect(spec.nodes.allSatisfy { n in n.inputs.allSatisfy { $0 < n.id } })
            let cost = spec.cost
            #expect(cost.params > 0 && cost.macs > 0 && cost.peakActivationBytes > 0)
            #expect(!space.diagram(a).isEmpty)
        }
    }

    @Test(arguments: SpaceCatalogue.names)
    func graphvizAcceptsTheDot(_ name: String) throws {
        let space = try SpaceCatalogue.make(name)
        var rng = SeededRandom(seed: 5)
        let text = space.dot(space.sample(using: &rng))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        p.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(name): \(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }

    @Test(arguments: SpaceCatalogue.names)
    func everySpaceHasHelpAndPaper(_ name: String) throws {
        let space = try SpaceCatalogue.make(name)
        #expect(space.help.count > 100)
        #expect(space.paper.contains("20"))
    }

    @Test func everyOperationHasHelpAndRoundTripsItsName() throws {
        for entry in OperationCatalogue.entries {
            let op = try Operation(named: entry.example)
            #expect(try Operation(named: op.name) == op)
            #expect(OperationCatalogue.entry(for: op) == entry)
            #expect(entry.help.count > 20 && !entry.paper.isEmpty)
        }
        let mb = try Operation(named: "mbconv_e3_k7_se0.25_hswish_noskip")
        #expect(mb == .mbconv(MBConv(expansion: 3, kernel: 7, se: SqueezeExcite(ratio: 0.25), activation: .hswish, residual: false)))
        #expect(try Operation(named: "conv5x5_d2_g4") == .conv(kernel: 5, dilation: 2, groups: 4))
        #expect(throws: SpaceError.self) { try Operation(named: "conv4x4") }
        #expect(throws: SpaceError.self) { try Operation(named: "teleport") }
        #expect(throws: SpaceError.self) { try SpaceCatalogue.make("nasnet-mobile") }
    }

    @Test func wrongSpaceAndWrongLengthAreReported() throws {
        for space in AllSpacesTests.spaces {
            #expect(throws: SpaceError.self) { try space.validate(Architecture(space: "other", tokens: [])) }
            #expect(throws: SpaceError.self) { try space.validate(Architecture(space: space.name, tokens: [0])) }
            #expect(throws: SpaceError.self) { try space.parse("") }
        }
    }

    /// Sizes against closed forms (computed with Python's exact integers).
    @Test func sizesMatchClosedForms() throws {
        // ((7-1)(7²-1)(7³-1))⁶ · (7-1)(7²-1)(7³-1)(7⁴-1)
        #expect(HierarchicalSpace().size.description == "215844704603688491397045901536421478400")
        // (C(2,2)·C(3,2)·C(4,2)·C(5,2) · 7⁸)² = (180·49⁴)²
        #expect(CellSpace().size.description == "1076746950455072400")
        #expect(NB201Space().size == BigCount(15_625))
    }
}

/// Drawing or printing an invalid architecture describes the problem instead of trapping.
@Suite struct InvalidArchitectureTests {
    @Test(arguments: SpaceCatalogue.names)
    func textOfInvalidTokensNeverTraps(_ name: String) throws {
        let space = try SpaceCatalogue.make(name)
        let bad = Architecture(space: space.name, tokens: [Int](repeating: 99, count: space.decisions.count))
        #expect(space.canonical(bad).contains("invalid"))
        #expect(space.diagram(bad).contains("invalid"))
        #expect(space.identity(bad).contains("invalid"))
        #expect(space.dot(bad).hasPrefix("digraph"))
        #expect(throws: SpaceError.self) { try space.network(bad, input: space.defaultInput, classes: 10) }
        #expect(throws: SpaceError.self) { try space.encode(bad, as: .onehot) }
    }

    @Test func nb201IndexOfInvalidTokensIsMinusOne() {
        #expect(NB201Space().index(of: Architecture(space: "nb201", tokens: [5, 0, 0, 0, 0, 0])) == -1)
        #expect(NB201Space().index(of: Architecture(space: "nb201", tokens: [0])) == -1)
    }
}

/// The hierarchical space's isomorphism identity.
@Suite struct HierarchicalIdentityTests {
    let space = HierarchicalSpace()
    let rest = " | m2=conv1x1,none,conv1x1,none,none,conv1x1 | m3=conv1x1,none,conv1x1,none,none,conv1x1 | m4=conv1x1,none,conv1x1,none,none,conv1x1 | m5=conv1x1,none,conv1x1,none,none,conv1x1 | m6=conv1x1,none,conv1x1,none,none,conv1x1 | top=m1,none,m1,none,none,m1,none,none,none,m1"

    @Test func swappingParallelNodesKeepsTheIdentity() throws {
        // Nodes 1 and 2 both read the input (conv1x1 and max_pool) and feed node 3; swapping them relabels nodes only.
        let a = try space.parse("m1=conv1x1,max_pool_3x3,none,none,sep_conv_3x3,avg_pool_3x3" + rest)
        let b = try space.parse("m1=max_pool_3x3,conv1x1,none,none,avg_pool_3x3,sep_conv_3x3" + rest)
        let c = try space.parse("m1=max_pool_3x3,conv1x1,none,none,sep_conv_3x3,avg_pool_3x3" + rest)
        #expect(space.canonical(a) != space.canonical(b))
        #expect(space.identity(a) == space.identity(b))
        #expect(space.identity(a) != space.identity(c))
    }

    @Test func unusedMotifsDoNotChangeTheIdentity() throws {
        let a = try space.parse("m1=conv1x1,max_pool_3x3,none,none,sep_conv_3x3,avg_pool_3x3" + rest)
        let b = try space.parse(space.canonical(a).replacingOccurrences(of: "m6=conv1x1,none,conv1x1,none,none,conv1x1", with: "m6=skip_connect,none,skip_connect,none,none,skip_connect"))
        #expect(a != b)
        #expect(space.identity(a) == space.identity(b))
    }
}
