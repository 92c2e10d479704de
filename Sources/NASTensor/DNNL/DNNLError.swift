import CDNNL

/// A failure reported by oneDNN, with the call that failed and the library's status code.
public struct DNNLError: Error, CustomStringConvertible, Sendable {
    /// The oneDNN call or step that failed.
    public let call: String
    /// oneDNN's status code (`dnnl_unimplemented` is 3, `dnnl_invalid_arguments` 2).
    public let status: Int

    /// A readable description.
    public var description: String { "oneDNN \(call) failed with status \(status)" }

    /// Throws when `status` is not `dnnl_success`.
    static func check(_ status: dnnl_status_t, _ call: @autoclosure () -> String) throws {
        if status != dnnl_success { throw DNNLError(call: call(), status: Int(status.rawValue)) }
    }
}
