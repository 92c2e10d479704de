import CDNNL
import Foundation

/// The number of threads oneDNN's kernels use (its Debian build runs on OpenMP).
///
/// OpenMP keeps the setting per calling thread, so training code calls `apply(_:)` on the
/// thread that runs the steps; the default is every core.
public enum ComputeThreads {
    /// Sets the thread count for kernels started from the calling thread; `nil` means every core.
    @discardableResult
    public static func apply(_ count: Int?) -> Bool {
        let n = max(count ?? ProcessInfo.processInfo.activeProcessorCount, 1)
        return naslab_omp_set_num_threads(Int32(n)) != 0
    }

    /// The thread count kernels started from the calling thread will use.
    public static var current: Int { Int(naslab_omp_get_max_threads()) }
}
