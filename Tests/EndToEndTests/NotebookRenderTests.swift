import Foundation
import Testing

/// The HTML notebook as a browser draws it: headless Chromium renders the page to a PNG, and the
/// PNG, decoded with Python's zlib, shows the content and both plots' series colours.
@Suite struct NotebookRenderTests {
    /// The window Chromium renders into.
    static let window = (width: 1000, height: 2000)

    @Test("Chromium draws the page: the window's size, content in the main column, the plots' series in colour",
          .enabled(if: ExternalTools.runsChromiumChecks, "Chromium is not installed (apt-get install chromium)"))
    func chromiumRendersThePage() throws {
        let chromium = try #require(ExternalTools.chromium, "Chromium is required (NASLAB_REQUIRE_EXTERNAL=1)")
        let folder = try TemporaryFolder()
        try folder.write("report.nas", NotebookEndToEndTests.report)
        let run = try NaslabBinary.run(["run", "report.nas", "--notebook", "report.html", "--workspace", "ws"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let png = folder.url.appendingPathComponent("report.png")
        let page = folder.url.appendingPathComponent("report.html")
        let render = try ExternalTools.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=" + folder.url.appendingPathComponent("profile").path,
            "--screenshot=" + png.path, "--window-size=\(Self.window.width),\(Self.window.height)", page.absoluteString,
        ], environment: ["HOME": folder.url.path, "PATH": "/usr/bin:/bin"], timeout: 90)
        #expect(FileManager.default.fileExists(atPath: png.path), "\(render.output)")
        let measured = try Self.measure(png.path)
        #expect(measured["width"] == Self.window.width && measured["height"] == Self.window.height)
        // Ink (dark pixels: text, axes) fills the main column (960 px wide, centred) from near its top.
        let inkLeft = try #require(measured["ink_left"]), inkTop = try #require(measured["ink_top"])
        #expect(inkLeft >= 20 && inkLeft < 120 && inkTop < 120, "\(measured)")
        #expect(try #require(measured["ink_bottom"]) > 900, "\(measured)")
        // The first series' blue (#0072B2): the line plot's run "a" and the bar chart's bars.
        #expect(try #require(measured["blue_pixels"]) > 2000, "\(measured)")
        #expect(try #require(measured["blue_right"]) - (try #require(measured["blue_left"])) > 300, "\(measured)")
        #expect(try #require(measured["blue_bottom"]) - (try #require(measured["blue_top"])) > 400, "\(measured)")
        // The second series' vermilion (#D55E00): run "b", drawn across the plot area.
        #expect(try #require(measured["orange_pixels"]) > 200, "\(measured)")
        #expect(try #require(measured["orange_right"]) - (try #require(measured["orange_left"])) > 300, "\(measured)")
    }

    /// Decodes the PNG (8-bit RGB or RGBA, any filters) and measures it: its size, the box of
    /// dark pixels, and the count and box of pixels near the two first series colours.
    static func measure(_ path: String) throws -> [String: Int] {
        let result = try ExternalTools.python("""
        import sys, zlib, struct, json
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "not a PNG"
        pos, idat = 8, b""
        while pos < len(data):
            n, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + n]
            pos += 12 + n
            if kind == b"IHDR":
                w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            elif kind == b"IDAT":
                idat += body
        assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
        bpp = 3 if ctype == 2 else 4
        raw, stride = zlib.decompress(idat), w * bpp
        prev, i = bytes(stride), 0
        out = {"width": w, "height": h}
        boxes = {"ink": None, "blue": None, "orange": None}
        counts = {"blue": 0, "orange": 0}
        def grow(name, x, y):
            b = boxes[name]
            boxes[name] = [x, y, x, y] if b is None else [min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)]
        for y in range(h):
            f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
            i += 1 + stride
            if f == 1:
                for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
            elif f == 2:
                line = bytearray((a + b) & 255 for a, b in zip(line, prev))
            elif f == 3:
                for x in range(stride): line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
            elif f == 4:
                for x in range(stride):
                    a = line[x - bpp] if x >= bpp else 0
                    b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            prev = bytes(line)
            if prev.count(255) == stride: continue
            for x in range(w):
                r, g, bl = prev[x * bpp], prev[x * bpp + 1], prev[x * bpp + 2]
                if r > 235 and g > 235 and bl > 235: continue
                if max(r, g, bl) < 110: grow("ink", x, y)
                if abs(r - 0x00) < 24 and abs(g - 0x72) < 24 and abs(bl - 0xB2) < 24: counts["blue"] += 1; grow("blue", x, y)
                if abs(r - 0xD5) < 24 and abs(g - 0x5E) < 24 and abs(bl - 0x00) < 24: counts["orange"] += 1; grow("orange", x, y)
        for name, b in boxes.items():
            if b: out.update({name + "_left": b[0], name + "_top": b[1], name + "_right": b[2], name + "_bottom": b[3]})
        for name, n in counts.items(): out[name + "_pixels"] = n
        print(json.dumps(out))
        """, [path], timeout: 120)
        #expect(result.status == 0, "\(result.output)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        return try #require(object as? [String: Int])
    }
}
