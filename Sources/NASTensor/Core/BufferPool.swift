import Synchronization

/// Keeps large freed tensor buffers for the next allocation of the same size, instead of
/// handing them back to the system.
///
/// A training step allocates the same sizes step after step. glibc serves buffers above its
/// mmap threshold (at most 32 MiB) with fresh pages, and trims the top of its heap when a lot is
/// freed at once (the end of backward), so without reuse every step faults its large buffers in
/// again: measured on the MobileNetV2-style benchmark, about 55,000 page faults per step and a
/// quarter of the step's CPU time in the kernel. Idle buffers are capped (`capacityBytes`), and
/// `drain()` frees them all (the trainer calls it when a training run ends).
enum BufferPool {
    /// Buffers smaller than this go to the system allocator directly.
    static let minimumBytes = 1 << 20
    /// Buffers of a page or more start on a page boundary. With 64-byte alignment, where a layer's weights fell
    /// relative to its activations changed from one allocation to the next (cache sets and 4K aliasing), and the
    /// same compiled network ran up to 2× slower or faster from one compilation to the next: on basenet at 3×64×64,
    /// 37 of 128 measurements (16 networks, each compiled 8 times) were over 10% above that network's fastest;
    /// page-aligned, 2 of 128.
    static let pageBytes = 4096
    /// The most bytes kept idle; a buffer beyond it is freed.
    static let capacityBytes = 1 << 30

    private struct State: ~Copyable {
        /// Idle buffers' addresses by size in bytes.
        var idle: [Int: [UInt]] = [:]
        var idleBytes = 0
        /// How many times `drain()` ran.
        var drains = 0
    }

    private static let state = Mutex(State())

    /// A buffer of `bytes` bytes, aligned to a page when it is a page or more (else to 64): a pooled one when available.
    static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        if bytes >= minimumBytes, let reused = take(bytes) { return reused }
        return UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: bytes >= pageBytes ? pageBytes : 64)
    }

    /// Returns a buffer from `allocate(bytes:)`: kept for reuse when large and room is left.
    static func release(_ buffer: UnsafeMutableRawPointer, bytes: Int) {
        guard bytes >= minimumBytes, keep(buffer, bytes) else {
            buffer.deallocate()
            return
        }
    }

    /// Frees every idle buffer.
    static func drain() {
        let addresses = state.withLock { s in
            let all = s.idle.values.flatMap { $0 }
            s.idle = [:]
            s.idleBytes = 0
            s.drains += 1
            return all
        }
        for address in addresses { UnsafeMutableRawPointer(bitPattern: address)?.deallocate() }
    }

    /// How many times the pool was drained (tests tell a drain from a missed reuse).
    static var drains: Int { state.withLock { $0.drains } }

    /// How many idle buffers of `bytes` bytes the pool holds.
    static func idleCount(bytes: Int) -> Int { state.withLock { $0.idle[bytes]?.count ?? 0 } }

    /// Bytes held idle now.
    static var idleBytes: Int { state.withLock { $0.idleBytes } }

    private static func take(_ bytes: Int) -> UnsafeMutableRawPointer? {
        state.withLock { s in
            guard let address = s.idle[bytes]?.popLast() else { return nil }
            s.idleBytes -= bytes
            return UnsafeMutableRawPointer(bitPattern: address)
        }
    }

    private static func keep(_ buffer: UnsafeMutableRawPointer, _ bytes: Int) -> Bool {
        let address = UInt(bitPattern: buffer)
        return state.withLock { s in
            guard s.idleBytes + bytes <= capacityBytes else { return false }
            s.idle[bytes, default: []].append(address)
            s.idleBytes += bytes
            return true
        }
    }
}
