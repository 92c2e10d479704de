import CDNNL

/// A compiled oneDNN primitive with its descriptor, executed with a user-managed scratchpad
/// so that one cached primitive can run on several threads at once.
final class DNNLPrimitive: @unchecked Sendable {
    /// The primitive descriptor.
    let pd: OpaquePointer
    /// The executable primitive.
    let primitive: OpaquePointer
    /// The scratchpad this primitive needs per execution.
    let scratchpadDesc: dnnl_memory_desc_t

    /// Creates a primitive from an operation descriptor, optional attributes and forward hint.
    convenience init(opDesc: UnsafeRawPointer, attr: OpaquePointer? = nil, hint: DNNLPrimitive? = nil, what: String) throws {
        var attribute = attr
        if attribute == nil {
            try DNNLError.check(dnnl_primitive_attr_create(&attribute), "primitive_attr_create")
        }
        defer { if attr == nil { dnnl_primitive_attr_destroy(attribute) } }
        try DNNLError.check(dnnl_primitive_attr_set_scratchpad_mode(attribute, dnnl_scratchpad_mode_user),
                            "set_scratchpad_mode")
        var desc: OpaquePointer?
        try DNNLError.check(dnnl_primitive_desc_create(&desc, opDesc, attribute, DNNL.engine.handle, hint?.pd),
                            "primitive_desc_create(\(what))")
        try self.init(pd: desc!, what: what)
    }

    /// Creates a reorder between two layouts.
    convenience init(reorderFrom src: dnnl_memory_desc_t, to dst: dnnl_memory_desc_t) throws {
        var s = src, d = dst
        let desc = try Self.withUserScratchpad { attribute in
            var desc: OpaquePointer?
            try DNNLError.check(dnnl_reorder_primitive_desc_create(&desc, &s, DNNL.engine.handle, &d,
                                                                   DNNL.engine.handle, attribute), "reorder")
            return desc!
        }
        try self.init(pd: desc, what: "reorder")
    }

    /// Creates a concatenation along `dimension` of inputs in layouts `srcs` into `dst`
    /// (`nil`: the library picks the output layout).
    convenience init(concat srcs: [dnnl_memory_desc_t], dimension: Int, dst: dnnl_memory_desc_t?) throws {
        var sources = srcs
        let desc = try Self.withUserScratchpad { attribute in
            var desc: OpaquePointer?
            if var d = dst {
                try DNNLError.check(dnnl_concat_primitive_desc_create(&desc, &d, Int32(srcs.count), Int32(dimension),
                                                                      &sources, attribute, DNNL.engine.handle), "concat")
            } else {
                try DNNLError.check(dnnl_concat_primitive_desc_create(&desc, nil, Int32(srcs.count), Int32(dimension),
                                                                      &sources, attribute, DNNL.engine.handle), "concat")
            }
            return desc!
        }
        try self.init(pd: desc, what: "concat")
    }

    /// Runs `body` with a fresh primitive attribute set to a user-managed scratchpad, then destroys it.
    private static func withUserScratchpad(_ body: (OpaquePointer?) throws -> OpaquePointer) throws -> OpaquePointer {
        var attribute: OpaquePointer?
        try DNNLError.check(dnnl_primitive_attr_create(&attribute), "primitive_attr_create")
        defer { dnnl_primitive_attr_destroy(attribute) }
        try DNNLError.check(dnnl_primitive_attr_set_scratchpad_mode(attribute, dnnl_scratchpad_mode_user),
                            "set_scratchpad_mode")
        return try body(attribute)
    }

    private init(pd: OpaquePointer, what: String) throws {
        var prim: OpaquePointer?
        let status = dnnl_primitive_create(&prim, pd)
        if status != dnnl_success { dnnl_primitive_desc_destroy(pd) }
        try DNNLError.check(status, "primitive_create(\(what))")
        self.pd = pd
        primitive = prim!
        scratchpadDesc = dnnl_primitive_desc_query_md(pd, dnnl_query_scratchpad_md, 0).pointee
    }

    /// The memory descriptor the primitive chose for a query (`dnnl_query_src_md`, ...).
    func desc(_ what: dnnl_query_t, _ index: Int32 = 0) -> dnnl_memory_desc_t {
        dnnl_primitive_desc_query_md(pd, what, index).pointee
    }

    /// The name of the implementation oneDNN chose (`jit:avx512_core`, `ref:any`, ...).
    var implementation: String {
        var name: UnsafePointer<CChar>?
        guard dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &name) == dnnl_success, let name else {
            return "?"
        }
        return String(cString: name)
    }

    /// Runs the primitive on a fresh CPU stream and waits for it.
    func execute(_ args: [(Int32, DNNLMemory)]) throws {
        var stream: OpaquePointer?
        try DNNLError.check(dnnl_stream_create(&stream, DNNL.engine.handle, dnnl_stream_default_flags.rawValue),
                            "stream_create")
        defer { dnnl_stream_destroy(stream) }
        var all = args
        let scratchBytes = DNNL.byteSize(scratchpadDesc)
        var scratch: DNNLMemory?
        if scratchBytes > 0 {
            scratch = try DNNLMemory(allocating: scratchpadDesc)
            all.append((DNNL.Arg.scratchpad, scratch!))
        }
        let raw = all.map { dnnl_exec_arg_t(arg: $0.0, memory: $0.1.handle) }
        try DNNLError.check(dnnl_primitive_execute(primitive, stream, Int32(raw.count), raw), "primitive_execute")
        try DNNLError.check(dnnl_stream_wait(stream), "stream_wait")
        withExtendedLifetime(all) {}
    }

    deinit {
        dnnl_primitive_destroy(primitive)
        dnnl_primitive_desc_destroy(pd)
    }
}
