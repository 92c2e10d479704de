import Foundation
import Synchronization

extension CancellationToken {
    /// Runs `work` on a thread of its own and waits for it, but stops waiting within 20 ms of this token
    /// being cancelled (throwing `CancellationError`); the work then finishes unseen and its result is dropped.
    ///
    /// For work that cannot poll a token itself, such as decompressing and decoding a large file, so that
    /// Ctrl-C still acts at once.
    public func waiting<T: Sendable>(for work: @escaping @Sendable () throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = NSCondition()
        let thread = Thread {
            let result = Result { try work() }
            done.lock()
            outcome.withLock { $0 = result }
            done.broadcast()
            done.unlock()
        }
        thread.name = "naslab-interruptible"
        thread.start()
        done.lock()
        defer { done.unlock() }
        while true {
            if let result = outcome.withLock({ $0 }) { return try result.get() }
            try check()
            _ = done.wait(until: Date().addingTimeInterval(0.02))
        }
    }
}
