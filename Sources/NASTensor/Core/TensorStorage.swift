import Synchronization

/// A contiguous, 64-byte aligned Float32 buffer owned by one tensor (or gradient).
///
/// The process-wide bytes held by live buffers, and their peak, are counted (`liveBytes`,
/// `peakLiveBytes`): what a training step keeps alive. Large buffers come from and go back to a
/// pool (`BufferPool`), which the next step of the same shapes reuses.
public final class TensorStorage {
    /// Bytes held by every live buffer.
    private static let live = Atomic<Int>(0)
    /// The largest `live` seen since the last `resetPeak()`.
    private static let peak = Atomic<Int>(0)

    /// Bytes currently held by tensor buffers (values and gradients) in this process.
    public static var liveBytes: Int { live.load(ordering: .relaxed) }
    /// The most bytes held at once since the process started or `resetPeak()` was called.
    public static var peakLiveBytes: Int { peak.load(ordering: .relaxed) }
    /// Starts a new peak from the bytes held now.
    public static func resetPeak() { peak.store(live.load(ordering: .relaxed), ordering: .relaxed) }

    /// Frees the large buffers kept for reuse between training steps (see `BufferPool`); the
    /// next allocations then come from the system again.
    public static func releaseIdleBuffers() { BufferPool.drain() }

    /// Bytes of large buffers kept idle for reuse.
    public static var idleBytes: Int { BufferPool.idleBytes }

    /// Counts `bytes` more (or fewer, when negative) as held.
    private static func count(_ bytes: Int) {
        let now = live.add(bytes, ordering: .relaxed).newValue
        guard bytes > 0 else { return }
        var seen = peak.load(ordering: .relaxed)
        while now > seen {
            let (exchanged, original) = peak.compareExchange(expected: seen, desired: now, ordering: .relaxed)
            if exchanged { break }
            seen = original
        }
    }

    /// The first element.
    public let pointer: UnsafeMutablePointer<Float>
    /// The number of elements.
    public let count: Int

    /// Allocates `count` elements set to zero.
    public init(zeros count: Int) {
        self.count = count
        let raw = BufferPool.allocate(bytes: max(count, 1) * 4)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
        TensorStorage.count(max(count, 1) * 4)
    }

    /// Allocates `count` elements without setting them (for kernels that overwrite every one).
    init(uninitialized count: Int) {
        self.count = count
        let raw = BufferPool.allocate(bytes: max(count, 1) * 4)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        TensorStorage.count(max(count, 1) * 4)
    }

    /// Allocates a copy of `values`.
    public convenience init(_ values: [Float]) {
        self.init(zeros: values.count)
        values.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }

    /// The elements as a buffer.
    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }

    /// The raw pointer oneDNN wants.
    var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(pointer) }

    /// Sets every element to zero.
    public func zero() { pointer.update(repeating: 0, count: count) }

    /// Adds `other` elementwise (same count).
    public func add(_ other: UnsafePointer<Float>) {
        let p = pointer
        for i in 0..<count { p[i] += other[i] }
    }

    /// A copy as an array.
    public var array: [Float] { Array(buffer) }

    deinit {
        BufferPool.release(UnsafeMutableRawPointer(pointer), bytes: max(count, 1) * 4)
        TensorStorage.count(-max(count, 1) * 4)
    }
}
