import Foundation
import NASCore
import Testing
@testable import NASStore

/// Measured latency tables in the store: what the v4 migration adds (space, input, kind, cv).
@Suite struct LatencyTableStoreTests {
    @Test("a measured table keeps its space, input, kind, method, cost and each entry's cv")
    func contentsRoundTrip() throws {
        let store = try StoreFixture.store()
        let info = LatencyTableInfo(name: "fbnet@cpu", device: "naslab-cpu/1t", batch: 1, threads: 1, engineVersion: "0.1.0",
                                    date: Date(timeIntervalSince1970: 1_800_000_000), space: "fbnet", input: "3x16x16",
                                    classes: 1000, kind: "corrected", measurements: 177, method: "method 1 (k3_e6)")
        let rows = [LatencyTableEntry(key: "fixed", seconds: -0.001, cv: 0.02),
                    LatencyTableEntry(key: "layer1:k3_e1@16x8x8", seconds: 0.0002, cv: 0.05)]
        try store.saveLatencyTable(info, rows: rows.reversed())
        let back = try store.latencyTableContents("fbnet@cpu")
        #expect(back.info == info)
        #expect(back.rows == rows)
        let listing = try store.latencyTables()
        #expect(listing.column("kind") == [.string("corrected")])
        #expect(listing.column("measurements")?.compactMap(\.doubleValue) == [177])
        let noisy = try store.latencyTable("fbnet@cpu", query: TableQuery(filter: .compare("cv", .greater, .number(.scalar(0.03)))))
        #expect(noisy.rows.map { $0[0] } == [.string("layer1:k3_e1@16x8x8")])
    }

    @Test("a table saved without noise reads as plain, with no cv")
    func legacyEntries() throws {
        let store = try StoreFixture.store()
        try store.saveLatencyTable(LatencyTableInfo(name: "old", device: "cpu", batch: 1, threads: 2, engineVersion: "t"), entries: ["a": 0.5])
        let back = try store.latencyTableContents("old")
        #expect(back.info.kind == "plain" && back.info.space == "")
        #expect(back.rows == [LatencyTableEntry(key: "a", seconds: 0.5, cv: nil)])
    }
}
