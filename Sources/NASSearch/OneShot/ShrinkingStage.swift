import NASCore
import NASSpaces

/// The four stages of progressive shrinking (Cai et al., ICLR 2020, §3.2), in the paper's order, and the sub-networks each samples.
///
/// The full network first; then elastic kernel (kernels 3, 5, 7; depth 4, expansion 6); then
/// elastic depth (depths 3–4 in the stage's first half, 2–4 in its second; any kernel); then
/// elastic width (expansions 4 and 6 in the first half, 3, 4 and 6 in the second; any kernel and
/// depth). The input resolution is elastic throughout, as in the paper. A run's epochs are split
/// evenly over the four stages in order (with fewer than four epochs the later stages come first
/// to be dropped: epoch `e` of `E` is in stage `⌊4e/E⌋`).
public enum ShrinkingStage: Int, CaseIterable, Sendable {
    case full, kernel, depth, width

    /// The stage that epoch `epoch` (from 0) of `epochs` trains.
    public static func of(epoch: Int, epochs: Int) -> ShrinkingStage {
        ShrinkingStage(rawValue: min(3, epoch * 4 / max(epochs, 1)))!
    }

    /// The epochs (from 0) of `epochs` that train this stage (empty when the run is too short for it).
    public func epochs(of epochs: Int) -> Range<Int> {
        let mine = (0..<epochs).filter { ShrinkingStage.of(epoch: $0, epochs: epochs) == self }
        guard let first = mine.first, let last = mine.last else { return 0..<0 }
        return first..<(last + 1)
    }

    /// The stage's name (`full`, `kernel`, `depth`, `width`).
    public var name: String { "\(self)" }

    /// A sub-network the stage trains, drawn uniformly per choice; `late` opens the stage's whole set (depth 2, expansion 3).
    public func sample(in space: OFASpace, late: Bool, rng: inout SeededRandom) -> Architecture {
        let depths = self == .depth ? (late ? [2, 3, 4] : [3, 4]) : self == .width ? [2, 3, 4] : [4]
        let kernels = self == .full ? [7] : OFASpace.kernels
        let expansions = self == .width ? (late ? [3, 4, 6] : [4, 6]) : [6]
        var tokens: [Int] = []
        for _ in 0..<5 {
            let depth = depths[rng.nextInt(below: depths.count)]
            var unit = [OFASpace.depths.firstIndex(of: depth)!]
            for slot in 0..<OFASpace.depths.max()! {
                guard slot < depth else { unit += [0, 0]; continue }
                unit.append(OFASpace.kernels.firstIndex(of: kernels[rng.nextInt(below: kernels.count)])!)
                unit.append(OFASpace.expansions.firstIndex(of: expansions[rng.nextInt(below: expansions.count)])!)
            }
            tokens += unit
        }
        return Architecture(space: space.name, tokens: tokens + [rng.nextInt(below: space.resolutions.count)])
    }
}
