import Testing
@testable import NASTensor

/// Large tensor buffers are reused by the next allocation of the same size, zeroed when asked,
/// and freed by a drain.
@Suite struct BufferPoolTests {
    /// An element count no other test allocates (just above the pool's minimum).
    static let count = BufferPool.minimumBytes / 4 + 1_003

    @Test func aFreedLargeBufferServesTheNextOfItsSize() {
        let drains = BufferPool.drains  // a trainer in a concurrent test may drain the pool meanwhile
        var first: TensorStorage? = TensorStorage(zeros: Self.count)
        let address = first!.pointer
        first!.pointer.update(repeating: 7, count: Self.count)
        first = nil
        let second = TensorStorage(zeros: Self.count)
        #expect(second.pointer == address || BufferPool.drains != drains)
        #expect(second.buffer.allSatisfy { $0 == 0 }, "a reused buffer is zeroed like a fresh one")
    }

    @Test func aDrainFreesTheIdleBuffers() {
        let size = Self.count + 16, bytes = (Self.count + 16) * 4
        let drains = BufferPool.drains
        var t: TensorStorage? = TensorStorage(uninitialized: size)
        #expect(t?.count == size)
        t = nil
        #expect(BufferPool.idleCount(bytes: bytes) == 1 || BufferPool.drains != drains)
        BufferPool.drain()
        #expect(BufferPool.idleCount(bytes: bytes) == 0)
    }

    @Test("buffers of a page or more start on a page, whether fresh or reused; smaller ones on 64 bytes")
    func largeBuffersArePageAligned() {
        for bytes in [4096, 3 * 4096 + 12, BufferPool.minimumBytes + 64, 100 * 1024] {
            let pointers = (0..<8).map { _ in BufferPool.allocate(bytes: bytes) }
            #expect(pointers.allSatisfy { Int(bitPattern: $0) % BufferPool.pageBytes == 0 }, "\(bytes) bytes")
            pointers.forEach { BufferPool.release($0, bytes: bytes) }
            let reused = BufferPool.allocate(bytes: bytes)
            #expect(Int(bitPattern: reused) % BufferPool.pageBytes == 0, "\(bytes) bytes, reused")
            BufferPool.release(reused, bytes: bytes)
        }
        let small = BufferPool.allocate(bytes: 100)
        #expect(Int(bitPattern: small) % 64 == 0)
        BufferPool.release(small, bytes: 100)
    }
}
