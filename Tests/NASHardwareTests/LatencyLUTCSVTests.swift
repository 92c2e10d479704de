import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// Latency tables written to CSV and read back, and files that must be refused.
@Suite struct LatencyLUTCSVTests {
    static func lut() throws -> LatencyLUT {
        let device = FusingDevice()
        let plain = try LatencyLUT.profile(space: ToyBlockSpace(), device: device, input: TensorShape(channels: 2, height: 4, width: 4))
        return plain
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("naslab-lut-\(UUID().uuidString)-\(name)").path
    }

    @Test("a plain and a corrected table survive a CSV round trip exactly")
    func roundTrip() throws {
        let plain = try Self.lut()
        let corrected = try LUTCorrection.correct(plain, space: ToyBlockSpace(), device: FusingDevice(), method: .averaged).lut
        for table in [plain, corrected] {
            let path = Self.temporary("t.csv")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try table.write(csv: path)
            let back = try LatencyLUT.read(csv: path)
            #expect(back.entries == table.entries)
            var m = table.metadata
            m.date = back.metadata.date
            #expect(back.metadata == m)
            #expect(abs(back.metadata.date.timeIntervalSince(table.metadata.date)) < 1)
        }
    }

    @Test("a truncated file, a bad number or header, and a missing file name file and line")
    func refusals() throws {
        let text = try Self.lut().csvText()
        var lines = text.split(separator: "\n").map(String.init)
        let cut = lines.dropLast(2).joined(separator: "\n") + "\n"
        #expect(throws: HardwareError("t.csv:\(lines.count - 2): the file says '# entries: 8' but has 6 rows; is it truncated?")) {
            try LatencyLUT.parse(csv: cut, source: "t.csv")
        }
        let midLine = String(text[..<text.range(of: "stem@2x4x4,")!.lowerBound]) + "stem@2"
        #expect(throws: HardwareError.self) { try LatencyLUT.parse(csv: midLine, source: "t.csv") }
        lines[lines.count - 1] = "head@2x4x4,fast,0"
        #expect(throws: HardwareError("t.csv:\(lines.count): 'fast' is not a latency in seconds")) {
            try LatencyLUT.parse(csv: lines.joined(separator: "\n"), source: "t.csv")
        }
        #expect(throws: HardwareError("t.csv:1: the header must be 'key,seconds,cv', found 'arch,latency'")) {
            try LatencyLUT.parse(csv: "arch,latency\nx,1\n", source: "t.csv")
        }
        #expect(throws: TableDataError.unreadable(path: "/nonexistent/x.csv")) {
            try LatencyLUT.read(csv: "/nonexistent/x.csv")
        }
    }
}
