import CDNNL

/// Converts a small 4-D tensor between plain NCHW and a blocked layout with one block over the
/// channels and no padding (`nChw16c`, `nChw8c`) with Swift loops.
///
/// A oneDNN reorder starts the calling thread's OpenMP team, whose sleeping partner costs
/// 8 µs and more to wake (see `SmallActivation`); copying a few thousand values costs less.
struct SmallReorder {
    /// The most values converted here.
    static let threshold = 1 << 14

    private let n, c, h, w: Int
    /// The channel block and the blocked layout's strides of batch, channel block, row, column.
    private let block, batchStride, blockStride, rowStride, columnStride: Int

    /// The converter between plain `shape` and `layout`, or nil when the tensor is larger than
    /// `threshold` or the layout is not a dense single channel block.
    init?(_ layout: dnnl_memory_desc_t, shape: [Int]) {
        guard shape.count == 4, layout.ndims == 4, layout.format_kind == dnnl_blocked, layout.offset0 == 0 else {
            return nil
        }
        let count = shape.reduce(1, *)
        var b = layout.format_desc.blocking
        guard count <= Self.threshold, b.inner_nblks == 1, b.inner_idxs.0 == 1, DNNL.byteSize(layout) == 4 * count,
              b.inner_blks.0 > 0, shape[1] % Int(b.inner_blks.0) == 0 else { return nil }
        let strides = withUnsafeBytes(of: &b.strides) { Array($0.bindMemory(to: Int64.self).prefix(4)).map(Int.init) }
        n = shape[0]
        c = shape[1]
        h = shape[2]
        w = shape[3]
        block = Int(b.inner_blks.0)
        batchStride = strides[0]
        blockStride = strides[1]
        rowStride = strides[2]
        columnStride = strides[3]
    }

    /// Copies the blocked values at `src` into plain NCHW order at `dst`.
    func toPlain(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>) {
        forEachRow { plain, blocked in
            for x in 0..<w { dst[plain + x] = src[blocked + x * columnStride] }
        }
    }

    /// Copies the plain NCHW values at `src` into the blocked layout at `dst`.
    func toBlocked(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>) {
        forEachRow { plain, blocked in
            for x in 0..<w { dst[blocked + x * columnStride] = src[plain + x] }
        }
    }

    /// Calls `body` with the plain and blocked offsets of the first value of every row.
    @inline(__always)
    private func forEachRow(_ body: (_ plain: Int, _ blocked: Int) -> Void) {
        for s in 0..<n {
            for ch in 0..<c {
                let base = s * batchStride + (ch / block) * blockStride + ch % block
                for y in 0..<h { body(((s * c + ch) * h + y) * w, base + y * rowStride) }
            }
        }
    }
}
