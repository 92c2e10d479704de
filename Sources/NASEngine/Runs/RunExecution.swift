/// Where a run's loop works.
public enum RunExecution: Sendable, Hashable {
    /// On a thread of its own; `launch` and `resume` return at once.
    case background
    /// On the calling thread; `launch` and `resume` return when the run stops.
    case callingThread
}
