import CDNNL

/// Connects naslab's plain layout for one tensor argument with the layout a kernel chose,
/// reordering only when they differ (the reorders are compiled once, with the kernel).
final class LayoutBridge: @unchecked Sendable {
    /// The plain (NCHW / OIHW) descriptor.
    let plain: dnnl_memory_desc_t
    /// The kernel's descriptor.
    let kernel: dnnl_memory_desc_t
    private let toKernel: DNNLPrimitive?
    private let toPlain: DNNLPrimitive?

    /// Prepares the bridge.
    init(plain: dnnl_memory_desc_t, kernel: dnnl_memory_desc_t) throws {
        self.plain = plain
        self.kernel = kernel
        if DNNL.same(plain, kernel) {
            toKernel = nil
            toPlain = nil
        } else {
            toKernel = try DNNLPrimitive(reorderFrom: plain, to: kernel)
            toPlain = try DNNLPrimitive(reorderFrom: kernel, to: plain)
        }
    }

    /// Whether the kernel works on the plain layout directly.
    var isIdentity: Bool { toKernel == nil }

    /// A kernel-layout memory holding the plain data at `pointer`.
    func input(_ pointer: UnsafeMutableRawPointer) throws -> DNNLMemory {
        let user = try DNNLMemory(plain, pointer)
        guard let reorder = toKernel else { return user }
        let converted = try DNNLMemory(allocating: kernel)
        try reorder.execute([(DNNL.Arg.src, user), (DNNL.Arg.dst, converted)])
        return converted
    }

    /// A kernel-layout memory to write into, and the step that copies it to `pointer`.
    func output(_ pointer: UnsafeMutableRawPointer) throws -> (memory: DNNLMemory, finish: () throws -> Void) {
        let user = try DNNLMemory(plain, pointer)
        guard let reorder = toPlain else { return (user, {}) }
        let scratch = try DNNLMemory(allocating: kernel)
        return (scratch, { try reorder.execute([(DNNL.Arg.src, scratch), (DNNL.Arg.dst, user)]) })
    }
}
