import NASCore

/// A fixed macro network around a searched cell, for `SpaceSpec.skeleton`.
///
/// `nb201` is NAS-Bench-201's network (Dong & Yang, ICLR 2020): a 3×3 conv-BN stem with
/// `channels` channels, three stages of `cellsPerStage` cells at C, 2C and 4C channels joined by
/// residual reduction blocks, then BN and ReLU before the global pooling and classifier that
/// every composed space ends with. Written with the NB201 cell's ops, it decodes to exactly the
/// networks of `NB201Space`.
public struct CellSkeleton: Sendable, Hashable, Codable {
    /// The macro networks there are.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// NAS-Bench-201's three-stage network.
        case nb201
    }

    /// Which macro network.
    public var kind: Kind
    /// Channels of the stem and the first stage.
    public var channels: Int
    /// Cells in each stage.
    public var cellsPerStage: Int

    /// Creates a skeleton.
    public init(_ kind: Kind, channels: Int = 16, cellsPerStage: Int = 5) {
        self.kind = kind
        self.channels = channels
        self.cellsPerStage = cellsPerStage
    }

    /// The skeleton a name stands for; throws naming the known ones.
    public init(named name: String, channels: Int, cellsPerStage: Int) throws {
        let names = Kind.allCases.map(\.rawValue)
        guard let kind = Kind(rawValue: name.lowercased()) else {
            throw SpaceError("there is no skeleton '\(name)'\(Spelling.didYouMean(name, among: names)) (the skeletons are \(names.joined(separator: ", ")))")
        }
        guard channels >= 1, (1...64).contains(cellsPerStage) else {
            throw SpaceError("a skeleton needs at least 1 channel and 1 to 64 cells per stage, got \(channels) and \(cellsPerStage)")
        }
        self.init(kind, channels: channels, cellsPerStage: cellsPerStage)
    }
}
