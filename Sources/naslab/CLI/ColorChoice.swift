import ArgumentParser

/// When to colour output: `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Colour on a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
    case auto
    /// Always colour.
    case always
    /// Never colour.
    case never

    /// Whether to colour, given whether the output is a terminal and the environment.
    func isEnabled(onTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            return onTerminal && !noColor && environment["TERM"] != "dumb"
        }
    }
}
