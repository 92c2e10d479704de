import Foundation
import Synchronization

/// A process-wide helper thread that runs the second lane of a two-lane inference plan while
/// the calling thread runs the first.
///
/// Between jobs it spins for a short while (back-to-back calls then start without waking a
/// sleeping thread), then sleeps on a semaphore. One plan at a time can use it; a plan that
/// finds it busy runs its kernels in list order on its own thread.
final class LaneWorker: @unchecked Sendable {
    /// The shared worker.
    static let shared = LaneWorker()

    private var task: (() -> Void)?
    private let posted = Atomic<UInt64>(0)
    private let finished = Atomic<UInt64>(0)
    private let sleeping = Atomic<Bool>(false)
    private let busy = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    /// How long the idle worker keeps polling for the next job before it sleeps.
    private static let spinNanoseconds: UInt64 = 200_000

    private init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "naslab inference lane"
        thread.start()
    }

    /// Runs `second` on the worker and `first` on the calling thread, and returns true when both
    /// have finished; returns false at once, running neither, when another caller has the worker.
    func run(_ first: () -> Void, _ second: @escaping () -> Void) -> Bool {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            return false
        }
        defer { busy.store(false, ordering: .releasing) }
        task = second
        let job = posted.load(ordering: .relaxed) &+ 1
        posted.store(job, ordering: .sequentiallyConsistent)
        if sleeping.load(ordering: .sequentiallyConsistent) { wake.signal() }
        first()
        var spins = 0
        while finished.load(ordering: .acquiring) != job {
            spins += 1
            if spins > 4096 { sched_yield() }
        }
        task = nil
        return true
    }

    private func loop() {
        ComputeThreads.apply(1)
        var seen: UInt64 = 0
        while true {
            let idleStart = DispatchTime.now().uptimeNanoseconds
            while posted.load(ordering: .acquiring) == seen {
                if DispatchTime.now().uptimeNanoseconds - idleStart > Self.spinNanoseconds {
                    sleeping.store(true, ordering: .sequentiallyConsistent)
                    if posted.load(ordering: .sequentiallyConsistent) == seen { wake.wait() }
                    sleeping.store(false, ordering: .sequentiallyConsistent)
                    break
                }
            }
            let job = posted.load(ordering: .acquiring)
            guard job != seen else { continue }
            seen = job
            task?()
            finished.store(job, ordering: .releasing)
        }
    }
}
