import Dispatch
import Synchronization

/// Wall time and work of the convolutions a program runs, by kind and pass, for benchmarks.
///
/// Off unless switched on (`isOn`); then every `Tensor.conv2d` adds the time of its forward
/// call and of its backward step (layout conversions included) under "conv" or "depthwise"
/// with "forward" or "backward", with the multiply-adds of that pass. Costs one atomic load
/// per convolution while off.
public enum KernelClock {
    /// Seconds and floating-point operations gathered under one name.
    public struct Entry: Sendable, Equatable {
        /// Wall seconds spent.
        public var seconds: Double = 0
        /// Floating-point operations done (2 per multiply-add).
        public var flops: Double = 0
        /// Calls counted.
        public var calls = 0

        /// GFLOP/s over the gathered time (0 when none).
        public var gflops: Double { seconds > 0 ? flops / seconds / 1e9 : 0 }
    }

    private static let on = Atomic<Bool>(false)
    private static let entries = Mutex<[String: Entry]>([:])

    /// Whether convolutions are being timed.
    public static var isOn: Bool {
        get { on.load(ordering: .relaxed) }
        set { on.store(newValue, ordering: .relaxed) }
    }

    /// What has been gathered since the last `reset()`, by name ("depthwise backward", ...).
    public static var snapshot: [String: Entry] { entries.withLock { $0 } }

    /// Forgets everything gathered.
    public static func reset() { entries.withLock { $0 = [:] } }

    /// A start time when the clock is on, else nil.
    static func start() -> UInt64? { isOn ? DispatchTime.now().uptimeNanoseconds : nil }

    /// Adds the time since `started` (when timing) and `flops` under `name`.
    static func stop(_ started: UInt64?, _ name: @autoclosure () -> String, flops: Double) {
        guard let started else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let key = name()
        entries.withLock { all in
            all[key, default: Entry()].seconds += seconds
            all[key, default: Entry()].flops += flops
            all[key, default: Entry()].calls += 1
        }
    }
}
