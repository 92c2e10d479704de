import CDNNL

/// A oneDNN memory object over a buffer that Swift owns (or that it allocates itself).
final class DNNLMemory {
    /// The raw `dnnl_memory_t`.
    let handle: OpaquePointer
    /// The descriptor it was made with.
    let desc: dnnl_memory_desc_t
    /// A buffer this object allocated and frees, when it was not given one.
    private let owned: UnsafeMutableRawPointer?

    /// Wraps an existing buffer (not copied, not freed).
    init(_ desc: dnnl_memory_desc_t, _ pointer: UnsafeMutableRawPointer) throws {
        var md = desc
        var memory: OpaquePointer?
        try DNNLError.check(dnnl_memory_create(&memory, &md, DNNL.engine.handle, pointer), "memory_create")
        handle = memory!
        self.desc = desc
        owned = nil
    }

    /// Allocates a fresh buffer of the descriptor's size.
    init(allocating desc: dnnl_memory_desc_t) throws {
        let size = max(DNNL.byteSize(desc), 4)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        var md = desc
        var memory: OpaquePointer?
        let status = dnnl_memory_create(&memory, &md, DNNL.engine.handle, buffer)
        if status != dnnl_success { buffer.deallocate() }
        try DNNLError.check(status, "memory_create")
        handle = memory!
        self.desc = desc
        owned = buffer
    }

    /// The data pointer.
    var pointer: UnsafeMutableRawPointer {
        var p: UnsafeMutableRawPointer?
        dnnl_memory_get_data_handle(handle, &p)
        return p!
    }

    deinit {
        dnnl_memory_destroy(handle)
        owned?.deallocate()
    }
}
