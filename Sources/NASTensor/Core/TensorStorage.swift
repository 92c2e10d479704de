/// A contiguous, 64-byte aligned Float32 buffer owned by one tensor (or gradient).
public final class TensorStorage {
    /// The first element.
    public let pointer: UnsafeMutablePointer<Float>
    /// The number of elements.
    public let count: Int

    /// Allocates `count` elements set to zero.
    public init(zeros count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
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

    deinit { pointer.deallocate() }
}
