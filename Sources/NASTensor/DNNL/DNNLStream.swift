import CDNNL

/// A oneDNN CPU stream kept for many executions (an inference plan runs all its kernels on one).
///
/// A stream is not thread-safe: its owner runs one execution at a time.
final class DNNLStream {
    /// The raw `dnnl_stream_t`.
    let handle: OpaquePointer

    /// Creates an in-order stream on the process's CPU engine.
    init() throws {
        var stream: OpaquePointer?
        try DNNLError.check(dnnl_stream_create(&stream, DNNL.engine.handle, dnnl_stream_default_flags.rawValue),
                            "stream_create")
        handle = stream!
    }

    /// Waits until every execution submitted to the stream has finished.
    func wait() throws { try DNNLError.check(dnnl_stream_wait(handle), "stream_wait") }

    deinit { dnnl_stream_destroy(handle) }
}
