import Synchronization

/// Remembers whether a builtin that names a file ran since the flag was last lowered
/// (builtins may run on a run's own thread, so the flag is atomic).
final class FileUseFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Records that a file builtin ran.
    func raise() { raised.store(true, ordering: .relaxed) }

    /// Lowers the flag and says whether it was raised.
    func lower() -> Bool { raised.exchange(false, ordering: .relaxed) }
}
