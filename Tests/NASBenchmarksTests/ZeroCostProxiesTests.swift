import Foundation
import NASCore
import Testing
@testable import NASBenchmarks

/// Zero-cost proxy tables and their correlations against SciPy's (ZeroCostReference.swift).
@Suite("Zero-cost proxies")
struct ZeroCostProxiesTests {
    @Test("every proxy's Spearman and Kendall tau-b equal SciPy's on every shipped subset")
    func correlationsMatchSciPy() throws {
        for (benchmark, dataset) in ZeroCostProxies.available {
            let proxies = try ZeroCostProxies.load(benchmark: benchmark, dataset: dataset)
            let file = "naslib_zc_\(benchmark)_\(dataset == "imagenet16-120" ? "ImageNet16-120" : dataset).csv"
            let reference = try #require(ZeroCostReference.correlations[file])
            let table = proxies.correlations()
            #expect(table.count == 11)
            for row in table.rows {
                let proxy = try #require(row[0].stringValue)
                let expected = try #require(reference[proxy])
                let spearman = try #require(row[1].doubleValue), kendall = try #require(row[2].doubleValue)
                #expect(abs(spearman - expected.spearman) < 1e-12, "\(file) \(proxy) spearman")
                #expect(abs(kendall - expected.kendall) < 1e-12, "\(file) \(proxy) kendall")
            }
        }
    }

    @Test("NB201 subsets carry the official index, and NASLib's params equal the NB201 table's")
    func nb201Subset() throws {
        let proxies = try ZeroCostProxies.load(benchmark: "nb201", dataset: "cifar10")
        let table = proxies.table
        #expect(table.count == 491)
        let index = try #require(table.columnIndex("index")), params = try #require(table.columnIndex("params"))
        let arch = try #require(table.columnIndex("arch"))
        let benchmark = try NB201Benchmark.shared()
        for row in table.rows {
            let i = Int(try #require(row[index].doubleValue))
            #expect(row[arch].stringValue == benchmark.architectures[i])
            #expect(abs(try #require(row[params].doubleValue) - benchmark.results(.cifar10).params[i]) < 0.5)
        }
        let accuracy = try #require(table.column("accuracy")).compactMap(\.doubleValue)
        #expect(accuracy.allSatisfy { (0...1).contains($0) })
    }

    @Test("rank correlations on small hand-worked samples, ties included")
    func smallSamples() {
        // x = 1 2 3 4, y = 1 3 2 4: one discordant pair of six → tau = (5-1)/6; rho = 1 - 6*2/(4*15) = 0.8.
        #expect(abs(RankCorrelation.kendallTauB([1, 2, 3, 4], [1, 3, 2, 4])! - 4.0 / 6) < 1e-15)
        #expect(abs(RankCorrelation.spearman([1, 2, 3, 4], [1, 3, 2, 4])! - 0.8) < 1e-15)
        #expect(RankCorrelation.averageRanks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test("an unknown subset is refused with the list of those shipped")
    func unknownSubset() {
        #expect(throws: BenchmarkError.self) { try ZeroCostProxies.load(benchmark: "nasbench201", dataset: "svhn") }
        #expect(throws: BenchmarkError.self) { try ZeroCostProxies.load(benchmark: "nasbench101", dataset: "cifar100") }
    }
}
