import NASLanguage

/// The process exit codes naslab uses (BSD sysexits where one fits).
enum ExitStatus: Int32 {
    /// Everything ran.
    case ok = 0
    /// An `assert` failed.
    case assertionFailed = 1
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// The script had a syntax, type or runtime error (EX_DATAERR).
    case scriptError = 65
    /// A script, or a data file it reads, was missing or unreadable (EX_NOINPUT).
    case inputMissing = 66
    /// naslab itself failed: its workspace or store could not be used, or an internal error (EX_SOFTWARE).
    case internalError = 70
    /// Ctrl-C stopped the run (128 + SIGINT).
    case interrupted = 130

    /// The exit code for how a script ended.
    init(_ outcome: Outcome) {
        switch outcome {
        case .ok: self = .ok
        case .assertionFailed: self = .assertionFailed
        case .scriptError: self = .scriptError
        case .inputMissing: self = .inputMissing
        case .systemFailure: self = .internalError
        case .interrupted: self = .interrupted
        }
    }
}
