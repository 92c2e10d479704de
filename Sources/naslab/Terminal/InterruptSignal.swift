import Foundation
import NASCore
import Synchronization

/// Set by the SIGINT handler; read and cleared by `InterruptSignal.take()`.
private let interruptRequested = Atomic<Bool>(false)

/// The cancellation token the SIGINT handler cancels (the session's).
private let interruptTarget = Atomic<Unmanaged<CancellationToken>?>(nil)

/// Ctrl-C: a SIGINT handler that cancels the running cell instead of killing the process.
///
/// The handler is installed with `sigaction` without `SA_RESTART`, so a blocked `read` (the line
/// editor waiting for a key) returns and the REPL can clear the line. A second Ctrl-C while the
/// first is still unanswered ends the process, for work that does not poll its token.
enum InterruptSignal {
    /// Installs the handler; from now on SIGINT cancels `token`.
    static func install(cancelling token: CancellationToken) {
        _ = interruptRequested.load(ordering: .relaxed)
        interruptTarget.store(Unmanaged.passRetained(token), ordering: .releasing)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleInterrupt
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        unblockTerminationSignals()
    }

    /// Unblocks SIGINT, SIGTERM and SIGHUP, which a parent may have left blocked in the signal
    /// mask it passed on (a process spawned from a dispatch thread inherits that thread's mask).
    private static func unblockTerminationSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether Ctrl-C was pressed since the last call; clears the request.
    static func take() -> Bool {
        interruptRequested.exchange(false, ordering: .acquiringAndReleasing)
    }
}

/// The SIGINT handler: async-signal-safe atomics only.
///
/// A second Ctrl-C while the work has already been asked to stop (the request is still pending
/// and the token still cancelled) means the work does not poll its token: leave with 130.
private func handleInterrupt(_ signal: Int32) {
    let target = interruptTarget.load(ordering: .acquiring)
    let alreadyCancelled = target?._withUnsafeGuaranteedRef { $0.isCancelled } ?? false
    if interruptRequested.exchange(true, ordering: .acquiringAndReleasing), alreadyCancelled {
        _exit(130)
    }
    target?._withUnsafeGuaranteedRef { $0.cancel() }
}
