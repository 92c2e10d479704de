import Testing
@testable import NASCore

@Suite("Table rendering")
struct TableRenderingTests {
    @Test("long cells are cut in the middle, so keys that differ at the end still differ")
    func middleCut() {
        let keys = ["|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~2|",
                    "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_3x3~2|"]
        let table = Table(columns: ["arch"], rows: keys.map { [.string($0)] })
        let lines = table.render(maxCellWidth: 20).split(separator: "\n").map(String.init)
        #expect(lines[2] == "|nor_conv_…ol_3x3~2|")
        #expect(lines[3] == "|nor_conv_…nv_3x3~2|")
        #expect(lines[2] != lines[3])
    }

    @Test("a cut cell is exactly the width asked for; short cells are untouched")
    func widths() {
        #expect(Table.clip("abcdefghij", 5) == "ab…ij")
        #expect(Table.clip("abcdefghij", 6).count == 6)
        #expect(Table.clip("short", 40) == "short")
    }
}
