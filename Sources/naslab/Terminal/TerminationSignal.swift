import Foundation
import NASCore
import Synchronization

/// The cancellation token the SIGTERM/SIGINT handler of `naslab worker` cancels.
private let terminationTarget = Atomic<Unmanaged<CancellationToken>?>(nil)

/// SIGTERM and SIGINT for `naslab worker`: cancel its token, so it releases its trials and exits 0.
///
/// Installed with `sigaction`; the handler only cancels the token (an atomic store), which is
/// async-signal-safe. A second signal while the first is still being answered ends the process (130).
enum TerminationSignal {
    /// Installs the handler for SIGTERM and SIGINT; from now on they cancel `token`.
    static func install(cancelling token: CancellationToken) {
        terminationTarget.store(Unmanaged.passRetained(token), ordering: .releasing)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleTermination
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}

/// The handler: cancels the token; a second signal after that leaves at once.
private func handleTermination(_ signal: Int32) {
    let target = terminationTarget.load(ordering: .acquiring)
    if target?._withUnsafeGuaranteedRef({ $0.isCancelled }) ?? false { _exit(130) }
    target?._withUnsafeGuaranteedRef { $0.cancel() }
}
