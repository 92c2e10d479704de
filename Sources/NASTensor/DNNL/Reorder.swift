import CDNNL

/// Converts values between memory layouts (plain row-major and oneDNN's blocked formats),
/// with the conversion kernels cached by the pair of layouts.
enum Reorder {
    /// A hash that identifies a memory descriptor's exact layout.
    static func fingerprint(_ md: dnnl_memory_desc_t) -> Int {
        var copy = md
        return withUnsafeBytes(of: &copy) { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: bytes)
            return hasher.finalize()
        }
    }

    /// Copies `src` (layout `from`) into `dst` (layout `to`).
    static func copy(_ src: UnsafeMutableRawPointer, from: dnnl_memory_desc_t, _ dst: UnsafeMutableRawPointer,
                     to: dnnl_memory_desc_t) throws {
        try run(DNNLMemory(from, src), DNNLMemory(to, dst))
    }

    /// Converts one memory into another of a different layout.
    static func run(_ src: DNNLMemory, _ dst: DNNLMemory) throws {
        let key = "reorder:\(fingerprint(src.desc)):\(fingerprint(dst.desc))"
        let prim = try PrimitiveCache.shared.value(key) { try DNNLPrimitive(reorderFrom: src.desc, to: dst.desc) }
        try prim.execute([(DNNL.Arg.src, src), (DNNL.Arg.dst, dst)])
    }

    /// A memory holding the values at `pointer` (layout `have`) in layout `want`: the same
    /// buffer when the layouts agree, otherwise a converted copy.
    static func memory(_ pointer: UnsafeMutableRawPointer, have: dnnl_memory_desc_t,
                       want: dnnl_memory_desc_t) throws -> DNNLMemory {
        let user = try DNNLMemory(have, pointer)
        if DNNL.same(have, want) { return user }
        let converted = try DNNLMemory(allocating: want)
        try run(user, converted)
        return converted
    }

    /// A memory in layout `kernel` for a kernel to write, and the step that leaves the result
    /// at `pointer` in layout `target`.
    static func output(_ pointer: UnsafeMutableRawPointer, target: dnnl_memory_desc_t,
                       kernel: dnnl_memory_desc_t) throws -> (memory: DNNLMemory, finish: () throws -> Void) {
        let user = try DNNLMemory(target, pointer)
        if DNNL.same(target, kernel) { return (user, {}) }
        let scratch = try DNNLMemory(allocating: kernel)
        return (scratch, { try run(scratch, user) })
    }

    /// The values of a blocked buffer in plain row-major order.
    static func plainValues(_ storage: TensorStorage, _ layout: dnnl_memory_desc_t, _ shape: [Int]) -> [Float] {
        let plain = TensorStorage(zeros: shape.reduce(1, *))
        do {
            try copy(storage.raw, from: layout, plain.raw, to: DNNL.plain(shape))
        } catch {
            preconditionFailure("oneDNN could not convert a blocked tensor to plain: \(error)")
        }
        return plain.array
    }
}

extension Tensor {
    /// The layout of the values: the blocked one, or plain row-major.
    var memoryDesc: dnnl_memory_desc_t { layout ?? DNNL.plain(shape) }

    /// This tensor in plain row-major layout (itself when already plain); differentiable.
    ///
    /// Small tensors are converted by Swift loops (`SmallReorder`), larger ones by oneDNN.
    public func plain() throws -> Tensor {
        guard let blocked = layout else { return self }
        let out = Tensor(uninitialized: shape)
        let small = SmallReorder(blocked, shape: shape)
        if let small {
            small.toPlain(storage.pointer, out.storage.pointer)
        } else {
            try Reorder.copy(storage.raw, from: blocked, out.storage.raw, to: DNNL.plain(shape))
        }
        return out.record([self], reads: []) { out in
            try self.accumulateGrad(overwriting: true) { g in
                if let small { return small.toBlocked(out.grad!.pointer, g) }
                try Reorder.copy(out.grad!.raw, from: DNNL.plain(self.shape), UnsafeMutableRawPointer(g), to: blocked)
            }
        }
    }

    /// This plain tensor in `small`'s blocked layout `blocked`; differentiable.
    func blocked(_ blocked: dnnl_memory_desc_t, _ small: SmallReorder) -> Tensor {
        let out = Tensor(shape: shape, blocked: blocked)
        small.toBlocked(storage.pointer, out.storage.pointer)
        return out.record([self], reads: []) { out in
            self.accumulateGrad(overwriting: true) { small.toPlain(out.grad!.pointer, $0) }
        }
    }
}
