import CDNNL

/// A oneDNN memory object over a buffer that Swift owns (or that it allocates itself).
final class DNNLMemory {
    /// The raw `dnnl_memory_t`.
    let handle: OpaquePointer
    /// The descriptor it was made with.
    let desc: dnnl_memory_desc_t
    /// A buffer this object allocated and frees, when it was not given one.
    private let owned: UnsafeMutableRawPointer?
    /// The size of `owned`, in bytes.
    private let ownedBytes: Int

    /// Wraps an existing buffer (not copied, not freed).
    init(_ desc: dnnl_memory_desc_t, _ pointer: UnsafeMutableRawPointer) throws {
        var md = desc
        var memory: OpaquePointer?
        try DNNLError.check(dnnl_memory_create(&memory, &md, DNNL.engine.handle, pointer), "memory_create")
        handle = memory!
        self.desc = desc
        owned = nil
        ownedBytes = 0
    }

    /// Allocates a fresh buffer of the descriptor's size.
    init(allocating desc: dnnl_memory_desc_t) throws {
        let size = max(DNNL.byteSize(desc), 4)
        let buffer = BufferPool.allocate(bytes: size)
        var md = desc
        var memory: OpaquePointer?
        let status = dnnl_memory_create(&memory, &md, DNNL.engine.handle, buffer)
        if status != dnnl_success { BufferPool.release(buffer, bytes: size) }
        try DNNLError.check(status, "memory_create")
        handle = memory!
        self.desc = desc
        owned = buffer
        ownedBytes = size
    }

    /// The data pointer.
    var pointer: UnsafeMutableRawPointer {
        var p: UnsafeMutableRawPointer?
        dnnl_memory_get_data_handle(handle, &p)
        return p!
    }

    deinit {
        dnnl_memory_destroy(handle)
        if let buffer = owned { BufferPool.release(buffer, bytes: ownedBytes) }
    }
}
