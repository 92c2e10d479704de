import Foundation
import Testing

/// Every sample in `samples/` runs headless through the real binary, exits 0 (its asserts hold) and
/// renders to a notebook; samples/README.md lists every one.
@Suite struct SamplesTests {
    static let samples: [String] = {
        let folder = NaslabBinary.packageRoot.appendingPathComponent("samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".nas") }.sorted()
    }()

    @Test func theSpacesAndBenchmarksSamplesAreThere() {
        #expect(Self.samples.contains("01-search-spaces.nas"))
        #expect(Self.samples.contains("04-benchmarks.nas"))
    }

    @Test(arguments: samples)
    func sampleRunsAndExitsZero(_ name: String) throws {
        let folder = try TemporaryFolder()
        let path = NaslabBinary.packageRoot.appendingPathComponent("samples").appendingPathComponent(name).path
        // The one-shot samples train supernets for a few minutes on 2 cores, beside the other tests.
        let notebook = folder.url.appendingPathComponent("notebook.html")
        let run = try NaslabBinary.run([path, "--notebook", notebook.path], in: folder.url, timeout: 600)
        #expect(run.status == 0, "\(name) exited \(run.status):\n\(run.stderr)")
        #expect(!run.stdout.isEmpty, "\(name) printed nothing")
        let page = (try? String(contentsOf: notebook, encoding: .utf8)) ?? ""
        #expect(page.contains("In [1]:") && page.hasSuffix("</html>\n"), "\(name) did not render to a notebook")
    }

    @Test func theSamplesReadmeListsEverySample() throws {
        let readme = try String(contentsOf: NaslabBinary.packageRoot.appendingPathComponent("samples/README.md"), encoding: .utf8)
        for name in Self.samples { #expect(readme.contains("`\(name)`"), "samples/README.md does not list \(name)") }
    }

    @Test func theBenchmarksSampleFindsThePublishedBestCells() throws {
        let folder = try TemporaryFolder()
        let path = NaslabBinary.packageRoot.appendingPathComponent("samples/04-benchmarks.nas").path
        let run = try NaslabBinary.run([path], in: folder.url, timeout: 240)
        // Dong & Yang (ICLR 2020), Table 5: the optimal cells' validation and test accuracies.
        #expect(run.stdout.contains("cifar10 6111 91.61% 94.37%"))
        #expect(run.stdout.contains("cifar100 9930 73.49% 73.51%"))
    }
}
