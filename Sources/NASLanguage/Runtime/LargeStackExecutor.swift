import Foundation

/// Runs work on threads with a large stack, so deep (bounded) recursion in the tree walker
/// cannot overflow the caller's stack; idle threads are kept and reused.
final class LargeStackExecutor: @unchecked Sendable {
    /// The shared executor.
    static let shared = LargeStackExecutor()

    private let lock = NSLock()
    private var idle: [Worker] = []
    private let stackSize = 64 << 20

    /// Runs `work` on a large-stack thread and waits for it to finish.
    func run(_ work: @escaping () -> Void) {
        let worker = lock.withLock { idle.popLast() } ?? Worker(stackSize: stackSize)
        worker.perform(work)
        lock.withLock {
            if idle.count < 8 { idle.append(worker) } else { worker.stop() }
        }
    }

    /// One thread that waits for work, runs it, and signals completion.
    private final class Worker: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)
        private var job: (() -> Void)?
        private var stopping = false

        init(stackSize: Int) {
            let thread = Thread { [unowned self] in self.loop() }
            thread.stackSize = stackSize
            thread.start()
        }

        func perform(_ work: @escaping () -> Void) {
            job = work
            ready.signal()
            finished.wait()
        }

        func stop() {
            stopping = true
            ready.signal()
        }

        private func loop() {
            while true {
                ready.wait()
                if stopping { return }
                job?()
                job = nil
                finished.signal()
            }
        }
    }
}
