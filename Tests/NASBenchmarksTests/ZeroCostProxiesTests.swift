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

    @Test("an unknown subset is refused with the list of those shipped")
    func unknownSubset() {
        #expect(throws: BenchmarkError.self) { try ZeroCostProxies.load(benchmark: "nasbench201", dataset: "svhn") }
        #expect(throws: BenchmarkError.self) { try ZeroCostProxies.load(benchmark: "nasbench101", dataset: "cifar100") }
    }
}
