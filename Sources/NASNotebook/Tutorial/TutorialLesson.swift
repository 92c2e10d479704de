/// One lesson of the tutorial: a title, an introduction and its steps.
public struct TutorialLesson: Sendable, Equatable {
    /// The lesson's title (`Search spaces and what they cost`).
    public var title: String
    /// The text shown when the lesson starts.
    public var introduction: String
    /// The steps, in order.
    public var steps: [TutorialStep]

    /// Creates a lesson.
    public init(title: String, introduction: String, steps: [TutorialStep]) {
        self.title = title
        self.introduction = introduction
        self.steps = steps
    }
}
