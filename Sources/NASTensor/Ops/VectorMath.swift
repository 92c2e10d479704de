/// Small vectorised reductions over Float32 runs (eight lanes at a time), used by the ops
/// that naslab computes itself.
enum VectorMath {
    /// `Σ p[i]`.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            acc += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = acc.sum()
        while i < n { total += p[i]; i += 1 }
        return total
    }

    /// `Σ (p[i] − m)²`.
    @inline(__always)
    static func squaredDeviation(_ p: UnsafePointer<Float>, _ n: Int, mean m: Float) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        let mv = SIMD8<Float>(repeating: m)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let d = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - mv
            acc += d * d
            i += 8
        }
        var total = acc.sum()
        while i < n { total += (p[i] - m) * (p[i] - m); i += 1 }
        return total
    }

    /// `Σ p[i]·(q[i] − m)`.
    @inline(__always)
    static func dotCentered(_ p: UnsafePointer<Float>, _ q: UnsafePointer<Float>, _ n: Int, mean m: Float) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        let mv = SIMD8<Float>(repeating: m)
        var i = 0
        let rp = UnsafeRawPointer(p), rq = UnsafeRawPointer(q)
        while i + 8 <= n {
            acc += rp.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                * (rq.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - mv)
            i += 8
        }
        var total = acc.sum()
        while i < n { total += p[i] * (q[i] - m); i += 1 }
        return total
    }
}
