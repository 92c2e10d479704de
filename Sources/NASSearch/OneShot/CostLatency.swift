import NASCore
import NASSpaces

/// A deterministic latency estimate of a sub-network from naslab's cost model: its multiply-accumulates at a nominal rate.
///
/// `seconds(a) = macs(a) / macsPerSecond`, with the MACs of the sub-network a once-for-all
/// supernet runs (`ElasticSupernet.subnetwork`, at the supernet's scale and the architecture's
/// resolution). It ranks sub-networks as their arithmetic does, repeatably; it does not model
/// memory traffic or per-layer overheads as a measured look-up table would. Results are cached
/// per architecture.
public final class CostLatency {
    /// The nominal throughput (1 GMAC/s by default, a modest CPU core).
    public let macsPerSecond: Double
    private let macs: (Architecture) throws -> Int
    private var cache: [Architecture: Double] = [:]

    /// A latency model counting the MACs that `macs` reports, at `macsPerSecond`.
    public init(macsPerSecond: Double = 1e9, macs: @escaping (Architecture) throws -> Int) {
        self.macsPerSecond = macsPerSecond
        self.macs = macs
    }

    /// The estimated latency of one inference, in seconds.
    public func seconds(_ architecture: Architecture) throws -> Double {
        if let known = cache[architecture] { return known }
        let value = Double(try macs(architecture)) / macsPerSecond
        cache[architecture] = value
        return value
    }
}
