import Foundation
import NASCore
import Testing
@testable import NASSpaces

/// OFA, FBNet and segment spaces: sizes, members, round trips, data files.
@Suite struct ElasticSpaceTests {
    /// Cai et al. 2020: "more than 10^19" sub-networks; exactly 7371^5 (Python: (9**2+9**3+9**4)**5).
    @Test func ofaSizeCountsInactiveLayersOnce() {
        let space = OFASpace()
        #expect(space.subnetworkCount.description == "21758655492572485851")
        #expect(OFASpace(resolutions: [224]).size.description == "21758655492572485851")
        #expect(space.size.description == "543966387314312146275")
        #expect(space.resolutions.count == 25 && space.resolutions.first == 128 && space.resolutions.last == 224)
    }

    @Test func ofaSamplesAreNormalisedAndRoundTrip() throws {
        let space = OFASpace()
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let a = space.sample(using: &rng)
            try space.validate(a)
            #expect(try space.parse(space.canonical(a)) == a)
            let m = space.mutate(a, using: &rng)
            try space.validate(m)
            #expect(m != a)
        }
    }

    @Test func ofaDepthMutationAddsOrRemovesLayers() throws {
        let space = OFASpace()
        let a = try space.parse("r224 | k3e3 k3e3 | k3e3 k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3")
        let depths = space.neighbors(a).map { n in (0..<5).map { space.unitLayers(n, unit: $0).count }.reduce(0, +) }
        #expect(depths.contains(12) && depths.contains(10) && depths.contains(11))
        #expect(space.neighbors(a).allSatisfy { (try? space.validate($0)) != nil })
    }

    @Test func ofaNetworkUsesTheResolution() throws {
        let space = OFASpace()
        let small = try space.parse("r128 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3")
        let big = try space.parse("r224 | k7e6 k7e6 k7e6 k7e6 | k7e6 k7e6 k7e6 k7e6 | k7e6 k7e6 k7e6 k7e6 | k7e6 k7e6 k7e6 k7e6 | k7e6 k7e6 k7e6 k7e6")
        let cs = try space.cost(small), cb = try space.cost(big)
        #expect(try space.network(small, input: space.defaultInput, classes: 1000).input.height == 128)
        #expect(cs.macs < cb.macs && cs.params < cb.params)
        // The full OFA-MobileNetV3 network (ofa_mbv3_d234_e346_k357_w1.0) is commonly quoted at 7.7M parameters.
        #expect(abs(Double(cb.params) - 7.7e6) / 7.7e6 < 0.03, "params \(cb.params)")
    }

    @Test func ofaBadInputNamesThePart() {
        let space = OFASpace()
        #expect(throws: SpaceError.self) { try space.parse("r130 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3") }
        do {
            _ = try space.parse("r224 | k3e3 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3 | k3e3 k3e3")
            Issue.record("depth 1 accepted")
        } catch let e as SpaceError { #expect(e.message.contains("unit 1")) } catch { Issue.record("\(error)") }
        var tokens = [Int](repeating: 0, count: 46)
        tokens[7] = 1   // layer 4 of unit 1 set while the depth is 2
        do {
            try space.validate(Architecture(space: "ofa", tokens: tokens))
            Issue.record("inactive layer token accepted")
        } catch let e as SpaceError { #expect(e.message.contains("unit 1")) } catch { Issue.record("\(error)") }
    }

    /// Every `op_idx` of the FBNet latency table parses and prints as its `ops` column.
    @Test func fbnetLatencyTableArchitecturesParse() throws {
        let rows = try SharedData.csv("fbnet_device_latency_ms.csv")
        #expect(rows.count == 5_000)
        let space = FBNetSpace()
        for row in rows {
            let a = try space.parse(row["op_idx"]!)
            #expect(space.canonical(a) == row["ops"]!)
            #expect(try space.parse(row["ops"]!) == a)
        }
        #expect(space.size == BigCount(9).power(22))
    }

    @Test func fbnetNetworkAndErrors() throws {
        let space = FBNetSpace()
        let a = try space.parse(String(repeating: "3", count: 22))
        let spec = try space.network(a, input: space.defaultInput, classes: 1000)
        #expect(spec.nodes[spec.output].outputShape.channels == 1000)
        #expect(spec.nodes.contains { $0.name.hasPrefix("stage7.layer22") })
        do {
            _ = try space.parse(String(repeating: "k3_e6-", count: 21) + "k9_e6")
            Issue.record("k9_e6 accepted")
        } catch let e as SpaceError { #expect(e.message.contains("layer 22")) } catch { Issue.record("\(error)") }
    }

    @Test func segmentMembersRoundTripAndMutate() throws {
        let space = SegmentSpace()
        for text in [SegmentSpace.mobileNetV2, SegmentSpace.mnasnetA1] {
            let a = try space.parse(text)
            #expect(space.canonical(a) == text)
        }
        var rng = SeededRandom(seed: 5)
        for _ in 0..<300 {
            let a = space.sample(using: &rng)
            #expect(try space.parse(space.canonical(a)) == a)
            _ = try space.network(a, input: space.defaultInput, classes: 1000)
            let m = space.mutate(a, using: &rng)
            try space.validate(m)
        }
        let r = SegmentSpace(skeleton: .resnet)
        #expect(r.canonical(try r.member("resnet18")) == SegmentSpace.resnet18)
    }

    @Test func segmentBadInput() {
        let space = SegmentSpace()
        #expect(throws: SpaceError.self) { try space.member("vgg16") }
        do {
            _ = try space.parse(SegmentSpace.mobileNetV2.replacingOccurrences(of: "c96_x3", with: "c96_x9"))
            Issue.record("9 layers accepted")
        } catch let e as SpaceError { #expect(e.message.contains("block 5")) } catch { Issue.record("\(error)") }
        #expect(throws: SpaceError.self) { try space.parse(SegmentSpace.mobileNetV2.replacingOccurrences(of: "mbconv_k3_e6_c24", with: "lstm_k3_e6_c24")) }
    }

    /// A 32×32 input survives MobileNetV2's five halvings (1×1 at the end); 16×16 does too, since
    /// padding keeps a 1×1 map at 1×1, but a 1-pixel input to a 7×7/2 unpadded window would not.
    @Test func strideBelowOnePixelIsReported() throws {
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 2, width: 2))
        do {
            try b.add(.avgPool(kernel: 3, stride: 2, padding: 0, countIncludePad: true), [-1], name: "pool")
            Issue.record("a 3×3 window on 2×2 accepted")
        } catch let e as SpaceError {
            #expect(e.message.contains("'pool'") && e.message.contains("below 1×1"))
        }
    }
}
