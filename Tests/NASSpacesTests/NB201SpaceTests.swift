import Foundation
import NASCore
import Testing
@testable import NASSpaces

/// NAS-Bench-201 against the benchmark's own data (`shared/data/nb201_val200.csv`) and paper.
@Suite struct NB201SpaceTests {
    static let rows: [[String: String]] = (try? SharedData.csv("nb201_val200.csv")) ?? []
    let space = NB201Space()

    @Test func dataIsPresent() {
        #expect(NB201SpaceTests.rows.count == 15_625, "nb201_val200.csv not found under \(SharedData.directory.path)")
    }

    @Test func indexOrderAndStringsMatchTheBenchmark() throws {
        for row in NB201SpaceTests.rows {
            let index = Int(row["index"]!)!
            let a = try space.parse(row["arch_str"]!)
            #expect(space.index(of: a) == index)
            #expect(space.canonical(try space.architecture(atIndex: index)) == row["arch_str"]!)
        }
    }

    /// NATS-Bench counts `named_parameters()` (conv weights, BN scale and shift, classifier) in
    /// millions, printed to 6 decimals: every one of the 15,625 CIFAR-10 counts must match exactly.
    @Test func parameterCountsMatchAllCIFAR10Cells() throws {
        var mismatches: [String] = []
        for row in NB201SpaceTests.rows {
            let a = try space.parse(row["arch_str"]!)
            let params = try space.cost(a, input: TensorShape(channels: 3, height: 32, width: 32), classes: 10).params
            let printed = (Double(params) / 1e6 * 1e6).rounded() / 1e6
            if abs(printed - Double(row["c10_params_M"]!)!) > 5e-7 { mismatches.append("\(row["index"]!): \(params)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test func hundredClassCountsMatchCIFAR100Column() throws {
        for row in NB201SpaceTests.rows.prefix(200) {
            let a = try space.parse(row["arch_str"]!)
            let params = try space.cost(a, classes: 100).params
            #expect(abs(Double(params) / 1e6 - Double(row["c100_params_M"]!)!) < 5e-7)
        }
    }

    /// NATS-Bench's FLOP counter (as stored in NASLib's zero-cost file, 491 CIFAR-10 cells) counts
    /// conv and linear multiply-adds like ours, plus k² per pooled output element and 3 per conv
    /// output element in the cells. Adding those terms for the cell edges to our MACs must leave
    /// the same constant for every cell (the counter's extra terms on the fixed skeleton, 160,832,
    /// which we have not decomposed term by term), so the MAC differences between cells agree
    /// exactly; parameters agree exactly too.
    @Test func macsMatchNATSBenchFlopCounterUpToTheSkeletonConstant() throws {
        let rows = try SharedData.csv("naslib_zc_nasbench201_cifar10.csv")
        #expect(rows.count == 491)
        var offsets = Set<Int>()
        for row in rows {
            let spec = try space.network(try space.parse(row["arch_str"]!), input: space.defaultInput, classes: 10)
            let cost = spec.cost
            var extra = 0
            for node in spec.nodes where node.name.contains(".cell") {
                switch node.op {
                case let .avgPool(k, _, _, _): extra += k * k * node.outputShape.elementCount
                case .conv: extra += 3 * node.outputShape.elementCount
                default: break
                }
            }
            let flops = Int((Double(row["flops"]!)! * 1e6).rounded())
            offsets.insert(flops - cost.macs - extra)
            #expect(abs(Double(cost.params) / 1e6 - Double(row["params"]!)!) < 5e-7)
        }
        #expect(offsets == [160_832], "offsets \(offsets.sorted().prefix(5))")
    }

    @Test func uniqueCellsUpToIsomorphismArePublished6466() throws {
        let all = try space.enumerate(limit: 20_000)
        #expect(all.count == 15_625)
        #expect(Set(all.map(space.identity)).count == 6_466)
    }

    @Test func isomorphicCellsShareIdentity() throws {
        // Node 1 is a skip of the input, so a conv reading node 1 equals the same conv reading node 0.
        let a = try space.parse("|skip_connect~0|+|nor_conv_1x1~0|none~1|+|nor_conv_3x3~0|none~1|none~2|")
        let b = try space.parse("|skip_connect~0|+|nor_conv_1x1~0|none~1|+|none~0|nor_conv_3x3~1|none~2|")
        #expect(space.identity(a) == space.identity(b))
        #expect(space.canonical(a) != space.canonical(b))
        let c = try space.parse("|skip_connect~0|+|nor_conv_1x1~0|none~1|+|none~0|nor_conv_1x1~1|none~2|")
        #expect(space.identity(a) != space.identity(c))
    }

    @Test func canonicalRoundTripsForSamplesAndMutations() throws {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let a = space.sample(using: &rng)
            #expect(try space.parse(space.canonical(a)) == a)
            let m = space.mutate(a, using: &rng)
            #expect(zip(a.tokens, m.tokens).filter { $0 != $1 }.count == 1)
        }
    }

    @Test func encodingsHaveDocumentedShapes() throws {
        let best = try space.architecture(atIndex: 6111)
        #expect(try space.encode(best, as: .onehot).count == 30)
        #expect(try space.encode(best, as: .adjacency).count == 36)
        let path = try space.encode(best, as: .path)
        #expect(path.count == 84)
        // 6111: conv3 on 1←0, 2←0, 2←1; skip 3←0, conv3 3←1, conv1 3←2: paths skip | c3,c3 | c3,c1 | c3,c3,c1.
        #expect(path.reduce(0, +) == 4)
        let empty = try space.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")
        #expect(try space.encode(empty, as: .path).allSatisfy { $0 == 0 })
    }

    @Test func benchmarkNetworkShapes() throws {
        let spec = try space.network(try space.architecture(atIndex: 0), input: TensorShape(channels: 3, height: 32, width: 32), classes: 10)
        #expect(spec.nodes[spec.output].outputShape == TensorShape(channels: 10, height: 1, width: 1))
        let pooled = spec.nodes.first { $0.name == "head.pool" }
        #expect(pooled?.outputShape == TensorShape(channels: 64, height: 1, width: 1))
        #expect(spec.nodes.allSatisfy { $0.inputs.allSatisfy { $0 < $0 + 1 } })
    }

    @Test func badStringsSayWhichPart() {
        #expect(throws: SpaceError.self) { try space.parse("|conv_9x9~0|+|none~0|none~1|+|none~0|none~1|none~2|") }
        do {
            _ = try space.parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|")
            Issue.record("accepted a cell with 5 edges")
        } catch let e as SpaceError {
            #expect(e.message.contains("node 3"))
        } catch { Issue.record("wrong error \(error)") }
        do {
            _ = try space.parse("|nor_conv_3x3~0|+|none~0|none~2|+|none~0|none~1|none~2|")
            Issue.record("accepted an edge from the wrong node")
        } catch let e as SpaceError {
            #expect(e.message.contains("none~2"))
        } catch { Issue.record("wrong error \(error)") }
        #expect(throws: SpaceError.self) { try space.architecture(atIndex: 15_625) }
        #expect(throws: SpaceError.self) { try space.network(Architecture(space: "nb201", tokens: [0, 9, 0, 0, 0, 0]), input: space.defaultInput, classes: 10) }
    }

    /// Strides keep a 1-pixel side at 1 pixel, so even a 1×1 input decodes (it once failed at
    /// the first reduction's 2×2 pool); a window that does not fit still names the layer and shape.
    @Test func onePixelInputStaysOnePixelAndMisfitsNameTheLayer() throws {
        let a = try space.architecture(atIndex: 0)
        let spec = try space.network(a, input: TensorShape(channels: 3, height: 1, width: 1), classes: 10)
        #expect(spec.nodes.allSatisfy { $0.outputShape.height == 1 && $0.outputShape.width == 1 })
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 1, width: 40))
        do {
            _ = try b.scoped("reduce1") { try $0.add(.avgPool(kernel: 2, stride: 2, padding: 0, countIncludePad: true), [-1], name: "pool") }
            Issue.record("a 2×2 window fitted a 1-row input")
        } catch let e as SpaceError {
            #expect(e.message.contains("reduce1.pool") && e.message.contains("1×40"), "\(e.message)")
        }
    }

    @Test("pruning sets the edges into nodes that reach no output to none, and leaves the network's live work as it was")
    func pruning() throws {
        let cell = try space.parse("|nor_conv_3x3~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|none~1|none~2|")
        #expect(space.canonical(space.pruned(cell)) == "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|")
        let full = try space.parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|none~2|")
        #expect(space.canonical(space.pruned(full)) == "|nor_conv_3x3~0|+|none~0|none~0|+|skip_connect~0|nor_conv_3x3~1|none~2|"
                .replacingOccurrences(of: "|none~0|none~0|", with: "|none~0|none~1|"))
        /// The live convolutions and poolings of a cell's network, by kind.
        func liveWork(_ a: Architecture) throws -> [String: Int] {
            let spec = try space.network(a, input: space.defaultInput, classes: space.defaultClasses)
            var counts: [String: Int] = [:]
            for (node, live) in zip(spec.nodes, spec.liveNodes) where live {
                switch node.op {
                case .conv(_, let k, _, _, _, _, _): counts["conv\(k)", default: 0] += 1
                case .avgPool: counts["pool", default: 0] += 1
                default: break
                }
            }
            return counts
        }
        var rng = SeededRandom(seed: 9)
        var changed = 0
        for _ in 0..<300 {
            let a = space.sample(using: &rng)
            let p = space.pruned(a)
            #expect(try liveWork(p) == liveWork(a), "\(space.canonical(a))")
            #expect(space.pruned(p) == p)
            if p != a { changed += 1 }
        }
        #expect(changed > 30, "\(changed) of 300 random cells have dead edges")
    }
}
