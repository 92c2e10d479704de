/// Replacements of byte ranges in a source text, applied together so earlier ones do not
/// shift the offsets of later ones.
struct SourceEdits {
    private var edits: [(range: Range<Int>, text: String)] = []

    /// Replaces the bytes in `range` with `text`.
    mutating func replace(_ range: Range<Int>, with text: String) {
        edits.append((range, text))
    }

    /// Inserts `text` before the byte at `offset`.
    mutating func insert(_ text: String, at offset: Int) {
        edits.append((offset..<offset, text))
    }

    /// `source` with every edit made; edits whose range lies outside it are ignored. Edits are
    /// made from the end backwards; where a replacement and an insertion start at one offset, the
    /// inserted text goes before the replacement.
    func applied(to source: String) -> String {
        var bytes = Array(source.utf8)
        let ordered = edits.sorted { a, b in
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound > b.range.lowerBound : !a.range.isEmpty && b.range.isEmpty
        }
        for edit in ordered where edit.range.upperBound <= bytes.count {
            bytes.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
