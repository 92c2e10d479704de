import NASCore

/// Text made safe to put into an HTML (and XHTML) page.
enum HTMLText {
    /// The text with XML's special characters as entities and control characters (other than
    /// tab and newline, which XML does not allow) left out, so the page stays well-formed.
    static func escape(_ text: String) -> String {
        let allowed = text.unicodeScalars.filter { scalar in
            scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value))
        }
        return String(String.UnicodeScalarView(allowed)).xmlEscaped
    }

    /// An SVG document as an element to put inline: without its XML declaration.
    static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...]).trimmingLeadingNewlines()
    }
}

extension String {
    /// The string without leading newlines.
    func trimmingLeadingNewlines() -> String {
        String(drop { $0 == "\n" || $0 == "\r" })
    }
}
