/// Source text made safe to quote in a diagnostic: control and invisible characters become visible.
///
/// A NUL byte would cut a message off where it is written to the terminal, and a zero-width space
/// shows nothing at all; diagnostics name such characters instead (`U+200B (ZERO WIDTH SPACE)`).
enum VisibleText {
    /// Whether a character shows nothing, or nothing sensible: control characters, format characters
    /// (U+200B, U+FEFF, …), line and paragraph separators, and spaces other than the plain one.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return true
        case .spaceSeparator: return scalar != " "
        default: return false
        }
    }

    /// The character by its code point and name: `U+200B (ZERO WIDTH SPACE)`, `U+0000 (NULL)`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + hex(scalar)
        let properties = scalar.properties
        guard let name = properties.name ?? properties.nameAlias ?? asciiControlName(scalar) else { return code }
        return "\(code) (\(name))"
    }

    /// A message with each invisible character (except line breaks and tabs) written as `U+XXXX`.
    static func message(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isInvisible($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isInvisible(scalar), scalar != "\n", scalar != "\t" {
                out.append(contentsOf: "U+\(hex(scalar))".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A source line with each invisible character (except tabs) replaced by one visible one, so
    /// columns keep their places: control pictures (`␀`) for ASCII controls, `�` for the rest.
    static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isInvisible($0) && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isInvisible(scalar) && scalar != "\t" ? picture(of: scalar) : scalar)
        }
        return String(out)
    }

    /// The usual abbreviation of an ASCII control character (Unicode gives them no name).
    private static func asciiControlName(_ scalar: Unicode.Scalar) -> String? {
        let names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
                     "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
        if scalar.value < 0x20 { return names[Int(scalar.value)] }
        return scalar.value == 0x7F ? "DEL" : nil
    }

    private static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
        if scalar.value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
