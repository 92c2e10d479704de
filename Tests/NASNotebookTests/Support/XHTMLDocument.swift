import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An HTML page read back with Foundation's XML parser: parsing fails unless the page is
/// well-formed, and the elements are kept with their attributes and text for the checks.
final class XHTMLDocument: NSObject, XMLParserDelegate {
    /// One element: its name, attributes, the text inside it (descendants' too) and its ancestors' names.
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var ancestors: [String]
    }

    /// Every element, in document order.
    private(set) var elements: [Element] = []
    private var open: [Int] = []
    /// Whether the whole page parsed.
    private(set) var isWellFormed = false
    /// The parser's error, if it failed.
    private(set) var error: String?

    /// Parses `html`.
    init(_ html: String) {
        super.init()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        isWellFormed = parser.parse()
        error = parser.parserError.map { "\($0) at line \(parser.lineNumber)" }
    }

    /// The elements named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The elements named `name` whose class attribute holds `className`.
    func all(_ name: String, class className: String) -> [Element] {
        all(name).filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// Opens an element: keeps it with its attributes and the names of the elements around it.
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, ancestors: open.map { elements[$0].name }))
        open.append(elements.count - 1)
    }

    /// Closes the innermost open element.
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    /// Adds text to every open element.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { elements[index].text += string }
    }
}
