/// A concept page that cannot be read: which page, and what is wrong with it.
public struct ConceptError: Error, CustomStringConvertible, Equatable {
    /// The page's name (its file name without `.md`), or `index`.
    public var page: String
    /// What is wrong.
    public var message: String

    /// Creates an error about one page.
    public init(page: String, _ message: String) {
        self.page = page
        self.message = message
    }

    public var description: String { "concept page '\(page)': \(message)" }
}
