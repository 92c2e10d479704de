import NASCore
import NASSpaces
import NASTensor

/// Cuts labelled data into mini-batch tensors, optionally shuffled and augmented.
public struct BatchLoader {
    /// Random-crop padding in pixels (0: none) and whether to flip horizontally at random.
    public var cropPadding: Int, flip: Bool

    /// Creates a loader.
    public init(cropPadding: Int = 0, flip: Bool = false) {
        self.cropPadding = cropPadding
        self.flip = flip
    }

    /// The batches of one pass, as index lists: shuffled when an rng is given; the last
    /// partial batch is dropped when `dropLast` (training keeps batch statistics well defined).
    public func batches(count: Int, size: Int, shuffle rng: inout SeededRandom?, dropLast: Bool) -> [[Int]] {
        var order = Array(0..<count)
        if var r = rng {
            order = SeededShuffle.permutation(count, using: &r)
            rng = r
        }
        var result: [[Int]] = []
        var start = 0
        while start < count {
            let end = min(start + size, count)
            if end - start < size && dropLast && !result.isEmpty { break }
            result.append(Array(order[start..<end]))
            start = end
        }
        return result
    }

    /// The samples at `indices` as an `[n, c, h, w]` tensor and their labels.
    public func tensor(_ data: LabeledData, shape: TensorShape, indices: [Int], augment rng: inout SeededRandom?) -> (Tensor, [Int]) {
        let size = data.sampleSize
        let x = Tensor(zeros: [indices.count, shape.channels, shape.height, shape.width])
        data.values.withUnsafeBufferPointer { src in
            for (k, i) in indices.enumerated() {
                (x.data + k * size).update(from: src.baseAddress! + i * size, count: size)
            }
        }
        if var r = rng, cropPadding > 0 || flip {
            for k in 0..<indices.count { augment(x.data + k * size, shape: shape, rng: &r) }
            rng = r
        }
        return (x, indices.map { data.labels[$0] })
    }

    /// The batch resized (bilinear, half-pixel centres) to `height × width`, for networks whose
    /// input resolution is part of the architecture (once-for-all spaces).
    public static func resized(_ x: Tensor, height: Int, width: Int) -> Tensor {
        let n = x.batch, c = x.channels, h = x.height, w = x.width
        if h == height && w == width { return x }
        let out = Tensor(zeros: [n, c, height, width])
        let sy = Double(h) / Double(height), sx = Double(w) / Double(width)
        for plane in 0..<(n * c) {
            let src = x.data + plane * h * w, dst = out.data + plane * height * width
            for y in 0..<height {
                let fy = max(0, min(Double(h - 1), (Double(y) + 0.5) * sy - 0.5))
                let y0 = Int(fy), y1 = min(y0 + 1, h - 1), wy = Float(fy - Double(y0))
                for xx in 0..<width {
                    let fx = max(0, min(Double(w - 1), (Double(xx) + 0.5) * sx - 0.5))
                    let x0 = Int(fx), x1 = min(x0 + 1, w - 1), wx = Float(fx - Double(x0))
                    let top = src[y0 * w + x0] * (1 - wx) + src[y0 * w + x1] * wx
                    let bottom = src[y1 * w + x0] * (1 - wx) + src[y1 * w + x1] * wx
                    dst[y * width + xx] = top * (1 - wy) + bottom * wy
                }
            }
        }
        return out
    }

    /// Random crop (zero padding `cropPadding`, then a same-size window) and horizontal flip, in place.
    private func augment(_ p: UnsafeMutablePointer<Float>, shape: TensorShape, rng: inout SeededRandom) {
        let h = shape.height, w = shape.width, plane = h * w
        let dy = cropPadding > 0 ? rng.nextInt(below: 2 * cropPadding + 1) - cropPadding : 0
        let dx = cropPadding > 0 ? rng.nextInt(below: 2 * cropPadding + 1) - cropPadding : 0
        let mirror = flip && rng.nextDouble() < 0.5
        var copy = [Float](repeating: 0, count: plane)
        for c in 0..<shape.channels {
            let channel = p + c * plane
            for y in 0..<h {
                for x in 0..<w {
                    let sy = y + dy, sxRaw = x + dx
                    let sx = mirror ? w - 1 - sxRaw : sxRaw
                    copy[y * w + x] = (sy >= 0 && sy < h && sx >= 0 && sx < w) ? channel[sy * w + sx] : 0
                }
            }
            copy.withUnsafeBufferPointer { channel.update(from: $0.baseAddress!, count: plane) }
        }
    }
}
