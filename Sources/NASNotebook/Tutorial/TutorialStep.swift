/// One step of a lesson: what to read, a command to try, and the check that says it is done.
public struct TutorialStep: Sendable, Equatable {
    /// A short title.
    public var title: String
    /// The explanation, as prose.
    public var text: String
    /// The lines proposed to type (the student may type them or anything else).
    public var command: [String]
    /// A language expression, true once the step is done (evaluated in the student's session after each cell).
    public var check: String
    /// What to say when a cell ran but the check is not yet true.
    public var hint: String

    /// Creates a step.
    public init(title: String, text: String, command: [String], check: String, hint: String) {
        self.title = title
        self.text = text
        self.command = command
        self.check = check
        self.hint = hint
    }
}
