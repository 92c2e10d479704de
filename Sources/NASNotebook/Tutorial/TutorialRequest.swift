/// What `.tutorial` was asked to do.
public enum TutorialRequest: Sendable, Equatable {
    /// `.tutorial`: start, or come back to the current step.
    case show
    /// `.tutorial next`: skip the current step.
    case next
    /// `.tutorial back`: the previous step.
    case back
    /// `.tutorial lessons`: list the lessons.
    case lessons
    /// `.tutorial restart`: start again at lesson 1.
    case restart
    /// `.tutorial N`: go to lesson N.
    case lesson(Int)
    /// `.tutorial off`: pause (the place is kept).
    case off

    /// The request for `.tutorial`'s argument, or nil when it is not one.
    public init?(argument: String) {
        switch argument {
        case "": self = .show
        case "next": self = .next
        case "back": self = .back
        case "lessons": self = .lessons
        case "restart": self = .restart
        case "off": self = .off
        default:
            guard let number = Int(argument) else { return nil }
            self = .lesson(number)
        }
    }
}
