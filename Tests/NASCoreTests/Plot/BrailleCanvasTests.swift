import Testing
@testable import NASCore

@Suite struct BrailleCanvasTests {
    @Test("a diagonal over two cells sets dots 1, 5 then 3, 8")
    func diagonal() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.line(from: (0, 0), to: (3, 3))
        // pixels (0,0) (1,1) in the first cell: dots 1 and 5 = 0x01 | 0x10 → U+2811 ⠑
        // pixels (2,2) (3,3) in the second: dots 3 and 8 = 0x04 | 0x80 → U+2884 ⢄
        #expect(canvas.text == "⠑⢄")
    }

    @Test("every pixel of a cell gives the full pattern; none gives a space")
    func fullAndEmpty() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        for x in 0..<2 { for y in 0..<4 { canvas.set(x, y) } }
        #expect(canvas.text == "⣿ ")
    }

    @Test("a horizontal line along the second pixel row of two rows of cells")
    func horizontalLine() {
        var canvas = BrailleCanvas(columns: 3, rows: 2)
        canvas.line(from: (0, 5), to: (5, 5))
        // row 5 is the second dot row of the second cell row: dots 2 and 5 = 0x02 | 0x10 → ⠒
        #expect(canvas.text == "   \n⠒⠒⠒")
    }

    @Test("pixels outside the canvas are ignored")
    func clipping() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        canvas.set(-1, 0)
        canvas.set(2, 0)
        canvas.set(0, 4)
        #expect(canvas.text == " ")
    }
}
