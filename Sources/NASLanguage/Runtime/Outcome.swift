/// How an execution ended; the CLI maps it to an exit status.
public enum Outcome: Sendable, Hashable {
    /// Everything ran (exit 0).
    case ok
    /// An `assert` failed (exit 1).
    case assertionFailed
    /// A syntax, type or runtime error (exit 65).
    case scriptError
    /// The script, or a data file it reads, is missing or cannot be read (exit 66).
    case inputMissing
    /// naslab itself failed: its workspace or store could not be used, or an internal error (exit 70).
    case systemFailure
    /// The user pressed Ctrl-C (the REPL returns to its prompt; a script exits 130).
    case interrupted

    /// The conventional exit status: 0, 1, 65, 66, 70, or 130 for an interrupt.
    public var exitCode: Int32 {
        switch self {
        case .ok: return 0
        case .assertionFailed: return 1
        case .scriptError: return 65
        case .inputMissing: return 66
        case .systemFailure: return 70
        case .interrupted: return 130
        }
    }
}
