import Dispatch
import Foundation
import NASCore

/// Cancels a token when one input runs past its time budget, from a thread of its own.
///
/// The harness arms it before each input and disarms it after; a generation number makes sure
/// a late timeout of one input never cancels the next. The thread sleeps on a semaphore, so an
/// idle watchdog costs nothing and adds no coverage of its own to the inputs it watches.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private let armed = DispatchSemaphore(value: 0)
    private let disarmed = DispatchSemaphore(value: 0)
    private var generation = 0
    private var token: CancellationToken?
    private var budget: Double = 0
    private var fired = 0

    /// Starts the watchdog thread.
    init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "naslab-fuzz watchdog"
        thread.start()
    }

    /// How many inputs it has cut short.
    var firings: Int { lock.withLock { fired } }

    /// Cancels `token` unless `disarm()` is called within `seconds`.
    func arm(_ token: CancellationToken, seconds: Double) {
        lock.withLock {
            self.token = token
            self.budget = seconds
        }
        armed.signal()
    }

    /// Ends the current input's watch; a timeout that has not fired yet never will.
    func disarm() {
        lock.withLock {
            generation += 1
            token = nil
        }
        disarmed.signal()
    }

    private func loop() {
        while true {
            armed.wait()
            let (watched, seconds) = lock.withLock { (generation, budget) }
            guard disarmed.wait(timeout: .now() + seconds) == .timedOut else { continue }
            lock.withLock {
                if generation == watched, let token {
                    token.cancel()
                    fired += 1
                }
            }
            disarmed.wait()
        }
    }
}
