/// naslab's version: what `naslab --version` prints and what latency tables record as the engine that measured them.
public enum NaslabVersion {
    /// The version number.
    public static let number = "0.1.0"
}
