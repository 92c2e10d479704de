extension Tensor {
    /// Concatenation of NCHW tensors along channels (same batch, height and width).
    public static func concat(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "concat of no tensors")
        let n = parts[0].batch, h = parts[0].height, w = parts[0].width, plane = h * w
        precondition(parts.allSatisfy { $0.batch == n && $0.height == h && $0.width == w },
                     "concat of tensors with shapes \(parts.map(\.shape))")
        let total = parts.reduce(0) { $0 + $1.channels }
        let out = Tensor(zeros: parts[0].shape.count == 2 ? [n, total] : [n, total, h, w])
        var offset = 0
        for p in parts {
            copyChannels(from: p.data, fromChannels: p.channels, fromStart: 0, to: out.data, toChannels: total,
                         toStart: offset, count: p.channels, batch: n, plane: plane)
            offset += p.channels
        }
        return out.record(parts, reads: []) { out in
            var start = 0
            for p in parts {
                p.accumulateGrad { gp in
                    copyChannels(from: out.grad!.pointer, fromChannels: total, fromStart: start, to: gp,
                                 toChannels: p.channels, toStart: 0, count: p.channels, batch: n, plane: plane)
                }
                start += p.channels
            }
        }
    }

    /// Channels `start ..< start + count` of an NCHW tensor.
    public func sliceChannels(start: Int, count sliceCount: Int) -> Tensor {
        precondition(start >= 0 && start + sliceCount <= channels, "channel slice out of range for \(shape)")
        let n = batch, c = channels, plane = height * width
        var newShape = shape
        newShape[1] = sliceCount
        let out = Tensor(zeros: newShape)
        Tensor.copyChannels(from: data, fromChannels: c, fromStart: start, to: out.data, toChannels: sliceCount,
                            toStart: 0, count: sliceCount, batch: n, plane: plane)
        return out.record([self], reads: []) { out in
            self.accumulateGrad { g in
                Tensor.copyChannels(from: out.grad!.pointer, fromChannels: sliceCount, fromStart: 0, to: g,
                                    toChannels: c, toStart: start, count: sliceCount, batch: n, plane: plane)
            }
        }
    }

    /// Copies a run of channels between two NCHW buffers of different channel counts.
    static func copyChannels(from src: UnsafePointer<Float>, fromChannels: Int, fromStart: Int,
                             to dst: UnsafeMutablePointer<Float>, toChannels: Int, toStart: Int,
                             count: Int, batch: Int, plane: Int) {
        let run = count * plane
        for b in 0..<batch {
            (dst + (b * toChannels + toStart) * plane).update(from: src + (b * fromChannels + fromStart) * plane,
                                                             count: run)
        }
    }

    /// Drops the first `rows` rows and `cols` columns and zero-pads at the end (same shape).
    public func shifted(rows: Int, cols: Int) -> Tensor {
        let h = height, w = width, planes = batch * channels
        let out = Tensor(zeros: shape)
        Tensor.shiftPlanes(from: data, to: out.data, planes: planes, h: h, w: w, rows: rows, cols: cols, forward: true)
        return out.record([self], reads: []) { out in
            self.accumulateGrad { g in
                Tensor.shiftPlanes(from: out.grad!.pointer, to: g, planes: planes, h: h, w: w,
                                   rows: rows, cols: cols, forward: false)
            }
        }
    }

    /// Moves each plane's pixels up-left by (rows, cols) (forward) or down-right (backward).
    private static func shiftPlanes(from src: UnsafePointer<Float>, to dst: UnsafeMutablePointer<Float>, planes: Int,
                                    h: Int, w: Int, rows: Int, cols: Int, forward: Bool) {
        guard rows < h, cols < w else { return }
        for p in 0..<planes {
            let base = p * h * w
            for y in 0..<(h - rows) {
                for x in 0..<(w - cols) {
                    let shiftedIndex = base + y * w + x, originalIndex = base + (y + rows) * w + (x + cols)
                    if forward { dst[shiftedIndex] = src[originalIndex] } else { dst[originalIndex] = src[shiftedIndex] }
                }
            }
        }
    }

    /// An all-zero tensor shaped like this one subsampled by `stride`; it carries no gradient.
    public func zeroed(stride: Int) -> Tensor {
        let h = (height + stride - 1) / stride, w = (width + stride - 1) / stride
        return Tensor(zeros: shape.count == 4 ? [batch, channels, h, w] : shape)
    }
}
