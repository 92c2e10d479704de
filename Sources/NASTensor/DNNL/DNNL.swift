import CDNNL

/// The oneDNN CPU engine and the small helpers every kernel uses.
///
/// One engine serves the whole process; streams are made per execution because a CPU stream
/// is a thin, non-thread-safe handle and tensors may run on any thread.
enum DNNL {
    /// Execution-argument indices from `dnnl_types.h`.
    enum Arg {
        static let src: Int32 = 1
        static let src1: Int32 = 2
        static let dst: Int32 = 17
        static let weights: Int32 = 33
        static let bias: Int32 = 41
        static let mean: Int32 = 49
        static let variance: Int32 = 50
        static let scale: Int32 = 51
        static let shift: Int32 = 52
        static let workspace: Int32 = 64
        static let scratchpad: Int32 = 80
        static let diffSrc: Int32 = 129
        static let diffDst: Int32 = 145
        static let diffWeights: Int32 = 161
        static let diffBias: Int32 = 169
        static let diffScale: Int32 = 255
        static let diffShift: Int32 = 256
    }

    /// The process-wide CPU engine.
    static let engine: DNNLEngine = DNNLEngine()

    /// A plain, dense memory descriptor for `dims` with a given tag (or `any`).
    static func memoryDesc(_ dims: [Int], tag: dnnl_format_tag_t) -> dnnl_memory_desc_t {
        var md = dnnl_memory_desc_t()
        let d = dims.map { Int64($0) }
        let status = dnnl_memory_desc_init_by_tag(&md, Int32(d.count), d, dnnl_f32, tag)
        precondition(status == dnnl_success, "memory descriptor for \(dims) rejected")
        return md
    }

    /// The plain row-major tag for a tensor of `rank` dimensions.
    static func plainTag(rank: Int) -> dnnl_format_tag_t {
        switch rank {
        case 1: return dnnl_a
        case 2: return dnnl_ab
        case 3: return dnnl_abc
        case 4: return dnnl_abcd
        default: return dnnl_abcde
        }
    }

    /// A plain row-major memory descriptor.
    static func plain(_ dims: [Int]) -> dnnl_memory_desc_t { memoryDesc(dims, tag: plainTag(rank: dims.count)) }

    /// A descriptor that lets the primitive pick its preferred layout.
    static func any(_ dims: [Int]) -> dnnl_memory_desc_t { memoryDesc(dims, tag: dnnl_format_tag_any) }

    /// Whether two memory descriptors describe the same layout.
    static func same(_ a: dnnl_memory_desc_t, _ b: dnnl_memory_desc_t) -> Bool {
        var a = a, b = b
        return dnnl_memory_desc_equal(&a, &b) != 0
    }

    /// Bytes a memory descriptor occupies.
    static func byteSize(_ md: dnnl_memory_desc_t) -> Int {
        var md = md
        return dnnl_memory_desc_get_size(&md)
    }

    /// The dims of an operation, as oneDNN wants them.
    static func dims(_ values: [Int]) -> [Int64] { values.map { Int64($0) } }
}

/// The CPU engine handle (created once, lives for the process).
final class DNNLEngine: @unchecked Sendable {
    /// The raw `dnnl_engine_t`.
    let handle: OpaquePointer

    init() {
        var engine: OpaquePointer?
        let status = dnnl_engine_create(&engine, dnnl_cpu, 0)
        precondition(status == dnnl_success && engine != nil, "oneDNN could not create a CPU engine")
        handle = engine!
    }
}
