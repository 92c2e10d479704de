import NASCore
/// A session command typed at the REPL prompt: a line that starts with a dot.
///
/// Dot-commands control the session (timing, saving, loading), not the language, so they are
/// never part of a script.
public enum DotCommand: Sendable, Equatable {
    /// `.help`: lists the dot-commands.
    case help
    /// `.vars`: lists the session's variables.
    case vars
    /// `.timer on|off` (nil: show whether timing is on).
    case timer(Bool?)
    /// `.load FILE`: runs a script in this session.
    case load(String)
    /// `.save FILE`: saves the session as `.nas`, `.md`, `.ipynb` or `.html`, refusing to replace an
    /// existing file unless written `.save! FILE` (`overwrite`).
    case save(String, overwrite: Bool)
    /// `.reset`: forgets variables and cells.
    case reset
    /// `.tutorial [next|back|lessons|restart|N|off]`: the guided tutorial.
    case tutorial(TutorialRequest)
    /// `.quit` (or `.exit`): leaves the REPL.
    case quit

    /// The names, with their argument and a one-line description, for `.help` and completion.
    public static let summaries: [(name: String, argument: String, summary: String)] = [
        (".help", "", "list these commands (`help` and `?NAME` explain the language)"),
        (".vars", "", "list the session's variables"),
        (".timer", "on|off", "show how long each cell takes"),
        (".load", "FILE", "run a script in this session"),
        (".save", "FILE", "save the session: .nas script, .md page, .ipynb notebook, .html page"),
        (".save!", "FILE", "save over an existing file (.save refuses to)"),
        (".reset", "", "forget all variables and cells"),
        (".tutorial", "[next|back|lessons|N|off]", "the guided tutorial: lessons that check what you type"),
        (".quit", "", "leave (Ctrl-D too); asks first about runs still working"),
    ]

    /// The command names, for completion.
    public static var names: [String] { summaries.map(\.name) + [".exit"] }

    /// Whether a line is meant as a dot-command: a dot followed by a letter.
    public static func isCommandLine(_ line: String) -> Bool {
        let trimmed = line.drop(while: \.isWhitespace)
        guard trimmed.first == ".", let next = trimmed.dropFirst().first else { return false }
        return next.isLetter
    }

    /// Parses a dot-command line, or explains what is wrong with it.
    public static func parse(_ line: String) -> Result<DotCommand, DotCommandError> {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first else { return .failure(.unknown("")) }
        let argument = words.dropFirst().joined(separator: " ")
        switch name {
        case ".help": return .success(.help)
        case ".vars": return .success(.vars)
        case ".reset": return .success(.reset)
        case ".quit", ".exit": return .success(.quit)
        case ".timer": return parseTimer(argument)
        case ".tutorial":
            guard let request = TutorialRequest(argument: argument) else {
                return .failure(.badArgument(name, argument, "next, back, lessons, restart, off or a lesson number"))
            }
            return .success(.tutorial(request))
        case ".load": return argument.isEmpty ? .failure(.missingArgument(name, "FILE")) : .success(.load(argument))
        case ".save", ".save!":
            if argument.isEmpty { return .failure(.missingArgument(name, "FILE")) }
            return .success(.save(argument, overwrite: name == ".save!"))
        default: return .failure(.unknown(name))
        }
    }

    private static func parseTimer(_ argument: String) -> Result<DotCommand, DotCommandError> {
        switch argument {
        case "": return .success(.timer(nil))
        case "on": return .success(.timer(true))
        case "off": return .success(.timer(false))
        default: return .failure(.badArgument(".timer", argument, "on or off"))
        }
    }

    /// The `.help` text.
    public static var helpText: String {
        let width = summaries.map { ($0.name + " " + $0.argument).count }.max() ?? 0
        let lines = summaries.map { entry -> String in
            let head = entry.argument.isEmpty ? entry.name : entry.name + " " + entry.argument
            return "  " + head.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.summary
        }
        return "Session commands:\n" + lines.joined(separator: "\n")
            + "\nCtrl-C stops a running cell, Ctrl-D leaves. `_` is the last output, `_3` the output of cell 3.\n"
    }
}

/// Why a dot-command line was not understood.
public enum DotCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such command.
    case unknown(String)
    /// The command needs an argument.
    case missingArgument(String, String)
    /// The argument is not one the command takes.
    case badArgument(String, String, String)

    /// The message for the user, with a hint.
    public var description: String {
        switch self {
        case .unknown(let name):
            return "unknown command '\(name)'\(Spelling.didYouMean(name, among: DotCommand.names)) (.help lists them)"
        case .missingArgument(let name, let argument):
            return "\(name) needs \(argument)"
        case .badArgument(let name, let argument, let expected):
            return "\(name) takes \(expected), not '\(argument)'"
        }
    }
}
