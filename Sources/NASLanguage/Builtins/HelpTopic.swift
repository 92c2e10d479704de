/// A help page that is not a builtin: a keyword, a pipeline verb, the units.
public struct HelpTopic {
    /// The name `help NAME` looks up.
    public var name: String
    /// The help category.
    public var category: String
    /// One line for listings.
    public var summary: String
    /// The page.
    public var help: String
    /// Example code.
    public var example: String?
    /// The paper the concept comes from.
    public var paper: String?

    /// Creates a topic.
    public init(_ name: String, category: String, summary: String, help: String, example: String? = nil, paper: String? = nil) {
        self.name = name
        self.category = category
        self.summary = summary
        self.help = help
        self.example = example
        self.paper = paper
    }
}
