/// One network that search-space profiling scored: a specified network or a single-substituted-block network (SSBN).
///
/// `base` names the specified network it comes from (every position that block type); `position`
/// and `block` say which position was changed to which block type (both nil for the specified
/// network itself). `cost` is the profile's weighted combination of accuracy and latency (lower is
/// better; infinite when the network could not be evaluated), and `kept` says whether the threshold kept it.
public struct ProfiledNetwork: Sendable, Hashable {
    /// The network's architecture, in the profiled space's parent.
    public var architecture: Architecture
    /// The block type of the specified network it comes from.
    public var base: String
    /// The position changed (0-based), nil for the specified network itself.
    public var position: Int?
    /// The block type put at `position`, nil for the specified network itself.
    public var block: String?
    /// The accuracy the accuracy evaluator reported (nil when it failed).
    public var accuracy: Double?
    /// The latency in seconds the latency evaluator reported (nil when it failed).
    public var latency: Double?
    /// The profile's cost; lower is better.
    public var cost: Double
    /// Whether the threshold kept it.
    public var kept: Bool

    /// A scored network.
    public init(architecture: Architecture, base: String, position: Int?, block: String?, accuracy: Double?,
                latency: Double?, cost: Double, kept: Bool) {
        self.architecture = architecture
        self.base = base
        self.position = position
        self.block = block
        self.accuracy = accuracy
        self.latency = latency
        self.cost = cost
        self.kept = kept
    }
}
