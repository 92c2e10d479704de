/// One bit per value, set where the value is positive: all a ReLU's backward pass needs of its output.
///
/// A ReLU's output is kept for the backward pass (`∂x = ∂y · [y > 0]`); where nothing else keeps
/// it (a convolution that takes no weight gradient reads its input only in the forward pass), the
/// tensor trades its values for this mask, 1/32 of their bytes, once the forward pass is done
/// with them (`Tensor.endForwardUse()`).
enum SignMask {
    /// Values per 32-bit word.
    static let bitsPerWord = 32

    /// The mask of `count` values of `values` (bit `i` of word `i / 32` set where `values[i] > 0`),
    /// in a storage counted with the other tensor buffers.
    static func pack(_ values: UnsafePointer<Float>, count: Int) -> TensorStorage {
        let words = (count + bitsPerWord - 1) / bitsPerWord
        let storage = TensorStorage(uninitialized: words)
        storage.pointer.withMemoryRebound(to: UInt32.self, capacity: max(words, 1)) { mask in
            for w in 0..<words {
                let base = w * bitsPerWord, n = min(bitsPerWord, count - base)
                var word: UInt32 = 0
                for j in 0..<n where values[base + j] > 0 { word |= 1 << UInt32(j) }
                mask[w] = word
            }
        }
        return storage
    }

    /// `gradIn[i] = gradOut[i]` where bit `i` of `mask` is set, 0 elsewhere, for `count` values.
    static func backward(_ mask: TensorStorage, _ gradOut: UnsafePointer<Float>, _ gradIn: UnsafeMutablePointer<Float>,
                         count: Int) {
        let words = (count + bitsPerWord - 1) / bitsPerWord
        mask.pointer.withMemoryRebound(to: UInt32.self, capacity: max(words, 1)) { mask in
            for w in 0..<words {
                let base = w * bitsPerWord, n = min(bitsPerWord, count - base)
                let word = mask[w]
                for j in 0..<n { gradIn[base + j] = (word >> UInt32(j)) & 1 != 0 ? gradOut[base + j] : 0 }
            }
        }
    }
}
