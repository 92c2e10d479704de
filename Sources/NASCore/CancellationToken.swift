import Synchronization

/// A flag that long work polls to stop early (Ctrl-C, `cancel(r)`).
public final class CancellationToken: Sendable {
    @usableFromInline let flag = Atomic<Bool>(false)
    @usableFromInline let parent: CancellationToken?

    /// Creates a token that is not cancelled.
    public init() { parent = nil }

    /// Creates a token that is also cancelled whenever `parent` is (cancelling it leaves the parent alone).
    public init(linkedTo parent: CancellationToken) { self.parent = parent }

    /// Asks the work to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Clears the request, so the token can be reused for the next piece of work.
    public func reset() { flag.store(false, ordering: .relaxed) }

    /// Whether the work was asked to stop.
    @inlinable public var isCancelled: Bool {
        flag.load(ordering: .relaxed) || (parent != nil && parentIsCancelled)
    }

    /// Whether a token this one is linked to was cancelled.
    @usableFromInline var parentIsCancelled: Bool { parent?.isCancelled ?? false }

    /// Throws `CancellationError` when the work was asked to stop.
    @inlinable public func check() throws {
        if isCancelled { throw CancellationError() }
    }
}
