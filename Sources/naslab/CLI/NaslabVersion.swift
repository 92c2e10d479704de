/// The version `naslab --version` prints.
enum NaslabVersion {
    /// The version number.
    static let number = "0.1.0"
}
