import Foundation
import Testing
@testable import NASSpaces

/// The DARTS genotype format and cell structure.
@Suite struct CellSpaceTests {
    let space = CellSpace()

    @Test func dartsV2PrintsAsPublished() throws {
        let a = try space.parse(CellSpace.dartsV2)
        #expect(space.canonical(a) == CellSpace.dartsV2)
    }

    @Test func rangeConcatAndSwappedInputsParse() throws {
        let text = CellSpace.dartsV2.replacingOccurrences(of: "[2, 3, 4, 5]", with: "range(2, 6)")
        let a = try space.parse(text)
        #expect(space.canonical(a) == CellSpace.dartsV2)
        var swapped = a.tokens
        swapped.swapAt(0, 2)
        swapped.swapAt(1, 3)
        let b = Architecture(space: "cell", tokens: swapped)
        #expect(space.identity(a) == space.identity(b))
        #expect(space.canonical(a) != space.canonical(b))
    }

    @Test func reductionsAtOneThirdAndTwoThirds() throws {
        let spec = try space.network(try space.parse(CellSpace.dartsV2), input: space.defaultInput, classes: 10)
        let concat = spec.nodes.filter { $0.name.range(of: #"^cell[0-9]+\.concat$"#, options: .regularExpression) != nil }
        let shapes = concat.map(\.outputShape)
        #expect(shapes.count == 20)
        #expect(shapes[5] == TensorShape(channels: 144, height: 32, width: 32))
        #expect(shapes[6] == TensorShape(channels: 288, height: 16, width: 16))
        #expect(shapes[13] == TensorShape(channels: 576, height: 8, width: 8))
    }

    @Test func adjacencyEncodingMarksEachInputOnce() throws {
        let a = try space.parse(CellSpace.dartsV2)
        let v = try space.encode(a, as: .adjacency)
        #expect(v.count == 2 * (36 + 8 * 7))
        #expect(v[0..<36].reduce(0, +) == 8)          // two distinct inputs per node
        #expect(v[36..<92].reduce(0, +) == 8)         // one op per input
        #expect(throws: SpaceError.self) { try space.encode(a, as: .path) }
    }

    @Test func badGenotypesSayWhichPart() {
        func message(_ text: String) -> String {
            do { _ = try space.parse(text); return "" } catch { return "\(error)" }
        }
        #expect(message(CellSpace.dartsV2.replacingOccurrences(of: "('dil_conv_3x3', 2)", with: "('dil_conv_3x3', 5)")).contains("normal cell, node 5"))
        #expect(message(CellSpace.dartsV2.replacingOccurrences(of: "('dil_conv_3x3', 2)", with: "('conv_9x9', 2)")).contains("conv_9x9"))
        #expect(message(CellSpace.dartsV2.replacingOccurrences(of: "('skip_connect', 0), ('dil_conv_3x3', 2)", with: "('skip_connect', 2), ('dil_conv_3x3', 2)")).contains("normal cell, node 5"))
        #expect(message("Genotype(normal=[])").contains("reduce"))
        #expect(message("not a genotype").contains("Genotype("))
    }
}
