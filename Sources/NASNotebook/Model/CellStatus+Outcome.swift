import NASLanguage

extension CellStatus {
    /// How a cell ended, from how its execution ended.
    public init(_ outcome: Outcome) {
        switch outcome {
        case .ok: self = .ok
        case .assertionFailed: self = .assertionFailed
        case .interrupted: self = .interrupted
        case .scriptError, .inputMissing, .systemFailure: self = .error
        }
    }
}
