import Foundation
import Testing

/// Bring-your-own tables through the real binary: `benchmark(csv:)` and `latency_table(csv:)`
/// load a user's CSV keyed by canonical architecture strings, and bad files name their line.
@Suite struct SamplesOwnTablesTests {
    /// Two NB201 cells, keyed once by canonical string and once by official index.
    static let cell0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|"
    static let cell6111 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"

    @Test func aUsersResultsTableEvaluatesArchitectures() throws {
        let folder = try TemporaryFolder()
        try folder.write("runs.csv", "arch,accuracy,latency\n\(Self.cell0),81.5%,12.5\n6111,0.93,40\n")
        try folder.write("t.nas", """
            ev = benchmark(csv: "runs.csv", space: nb201(), key: "arch", metrics: ["accuracy", "latency"], units: {latency: "ms"})
            r = evaluate(ev, arch(nb201(), 6111))
            print(r.accuracy, r.latency)
            print(evaluate(ev, arch(nb201(), 0)).accuracy)
            print(len(ev.rows))
            """)
        let run = try NaslabBinary.run(["t.nas"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "93% 40ms\n81.5%\n2\n")
    }

    @Test func aDuplicateRowIsReportedWithItsLineAndNothingLoads() throws {
        let folder = try TemporaryFolder()
        try folder.write("dup.csv", "arch,accuracy\n\(Self.cell0),0.8\n\(Self.cell6111),0.9\n\(Self.cell0),0.7\n")
        try folder.write("t.nas", "ev = benchmark(csv: \"dup.csv\", space: nb201(), metrics: [\"accuracy\"])\nprint(\"loaded\")\n")
        let run = try NaslabBinary.run(["t.nas"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("dup.csv:4"), "\(run.stderr)")
        #expect(!run.stdout.contains("loaded"))
    }

    @Test func aMalformedKeyIsReportedWithItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.csv", "arch,accuracy\n\(Self.cell0),0.8\n|conv_9x9~0|+|none~0|none~1|+|none~0|none~1|none~2|,0.9\n")
        try folder.write("t.nas", "benchmark(csv: \"bad.csv\", space: nb201(), metrics: [\"accuracy\"])\n")
        let run = try NaslabBinary.run(["t.nas"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.csv:3"), "\(run.stderr)")
    }

    @Test func aMissingMetricColumnIsNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("m.csv", "arch,accuracy\n\(Self.cell0),0.8\n")
        try folder.write("t.nas", "benchmark(csv: \"m.csv\", space: nb201(), metrics: [\"accuracy\", \"loss\"])\n")
        let run = try NaslabBinary.run(["t.nas"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("loss"), "\(run.stderr)")
    }

    @Test func aUsersLatencyTableConvertsItsUnitAndJoins() throws {
        let folder = try TemporaryFolder()
        try folder.write("pi.csv", "arch,ms\n\(Self.cell0),10.5\n\(Self.cell6111),68.4\n")
        try folder.write("t.nas", """
            lat = latency_table(csv: "pi.csv", space: nb201(), key: "arch", unit: "us")
            print(lat.count, evaluate(lat, arch(nb201(), 6111)).latency)
            print(len(bench_table("nb201") | join latency(lat) on arch))
            """)
        let run = try NaslabBinary.run(["t.nas"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "2 68.4us\n2\n")
    }

    @Test func aLatencyTableWithANonTimeUnitIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("pi.csv", "arch,latency\n\(Self.cell0),10.5\n")
        try folder.write("t.nas", "latency_table(csv: \"pi.csv\", space: nb201(), unit: \"MB\")\n")
        let run = try NaslabBinary.run(["t.nas"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("a latency is a time"), "\(run.stderr)")
    }
}
