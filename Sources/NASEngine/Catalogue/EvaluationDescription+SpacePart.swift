import Foundation
import NASCore
import NASSpaces

extension EvaluationDescription {
    /// A search space by kind and settings, with a fingerprint of its decisions that a rebuilt space must match.
    ///
    /// Every space of the catalogue is described by the settings it was built with: `nb201` (channels,
    /// cells), `segment` (skeleton, and the frame of a slice), `cell` (operations, nodes, channels,
    /// layers), `ofa` (resolutions), `fbnet` (width), `basenet` (blocks, stages), `hierarchical` (motifs,
    /// channels), a composed space by its whole spec (the `chain` spaces are composed ones), and a
    /// profiled space by its parent and the blocks kept at each position.
    public struct SpacePart: Codable, Sendable, Hashable {
        /// `nb201`, `segment`, `cell`, `ofa`, `fbnet`, `basenet`, `hierarchical`, `composed` or `profiled`.
        public var kind: String
        /// Channels (nb201, cell, hierarchical) and NB201's cells per stage.
        public var channels: Int?
        public var cells: Int?
        /// A segment space's skeleton (`mnasnet`, `resnet`) and, for a slice, its frame's text.
        public var skeleton: String?
        public var frame: String?
        /// A cell space's operations, nodes and layers.
        public var operations: [String]?
        public var nodes: Int?
        public var layers: Int?
        /// OFA's input resolutions.
        public var resolutions: [Int]?
        /// FBNet's channel multiplier (absent: 1).
        public var width: Double?
        /// Basenet's block types and stages (`[channels, positions]` each).
        public var blocks: [String]?
        public var stages: [[Int]]?
        /// The hierarchical space's level-2 motifs.
        public var motifs: Int?
        /// A composed space's name, spec, default input and classes.
        public var name: String?
        public var spec: SpaceSpec?
        public var input: TensorShape?
        public var classes: Int?
        /// A profiled space's parent (the one element; a struct cannot hold itself directly) and kept choices per position.
        public var parent: [SpacePart]?
        public var kept: [[Int]]?
        /// SHA-256 of the space's name, size and decisions (`fingerprint(of:)`): a rebuilt space must give the same.
        public var fingerprint: String?

        init(kind: String) { self.kind = kind }

        /// The description of `space` with its fingerprint, or nil for a space that has none (a user's own type).
        public init?(describing space: any SearchSpace) {
            guard var part = SpacePart.settings(of: space) else { return nil }
            part.fingerprint = SpacePart.fingerprint(of: space)
            self = part
        }

        /// The space this describes, built as the front ends build it; throws when it cannot be built here
        /// or the result's fingerprint differs (another naslab version would search another space).
        public func rebuild() throws -> any SearchSpace {
            let space = try built()
            if let fingerprint, SpacePart.fingerprint(of: space) != fingerprint {
                throw WorkerError.cannotRebuild("the \(space.name) space built here has other decisions than the run's (fingerprint differs)")
            }
            return space
        }

        /// A digest of what makes two spaces search the same architectures: the name, the size and every decision's options.
        public static func fingerprint(of space: any SearchSpace) -> String {
            var text = "\(space.name)\n\(space.size)\n"
            for decision in space.decisions { text += "\(decision.name)=\(decision.options.joined(separator: ","))\n" }
            return NASCore.SHA256.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        }
    }
}

extension EvaluationDescription.SpacePart {
    /// The kind and settings of a catalogue, composed or profiled space (no fingerprint yet).
    private static func settings(of space: any SearchSpace) -> Self? {
        switch space {
        case let s as NB201Space: return nb201(s)
        case let s as SegmentSpace: return segment(s)
        case let s as CellSpace: return cell(s)
        case let s as OFASpace: return ofa(s)
        case let s as FBNetSpace: return fbnet(s)
        case let s as BasenetSpace: return basenet(s)
        case let s as HierarchicalSpace: return hierarchical(s)
        case let s as ComposedSpace: return composed(s)
        case let s as ProfiledSpace: return profiled(s)
        default: return nil
        }
    }

    private static func nb201(_ s: NB201Space) -> Self {
        var part = Self(kind: "nb201")
        (part.channels, part.cells) = (s.channels, s.cellsPerStage)
        return part
    }

    private static func segment(_ s: SegmentSpace) -> Self {
        var part = Self(kind: "segment")
        part.skeleton = s.skeleton.name
        if s.isSliced { part.frame = s.canonical(s.frame) }
        return part
    }

    private static func cell(_ s: CellSpace) -> Self {
        var part = Self(kind: "cell")
        (part.operations, part.nodes, part.channels, part.layers) = (s.operations, s.nodes, s.channels, s.layers)
        return part
    }

    private static func ofa(_ s: OFASpace) -> Self {
        var part = Self(kind: "ofa")
        part.resolutions = s.resolutions
        return part
    }

    private static func fbnet(_ s: FBNetSpace) -> Self {
        var part = Self(kind: "fbnet")
        part.width = s.width == 1 ? nil : s.width
        return part
    }

    private static func basenet(_ s: BasenetSpace) -> Self {
        var part = Self(kind: "basenet")
        (part.blocks, part.stages) = (s.blocks, s.stages.map { [$0.channels, $0.positions] })
        return part
    }

    private static func hierarchical(_ s: HierarchicalSpace) -> Self {
        var part = Self(kind: "hierarchical")
        (part.motifs, part.channels) = (s.motifs, s.channels)
        return part
    }

    private static func composed(_ s: ComposedSpace) -> Self {
        var part = Self(kind: "composed")
        (part.name, part.spec, part.input, part.classes) = (s.name, s.spec, s.defaultInput, s.defaultClasses)
        return part
    }

    private static func profiled(_ s: ProfiledSpace) -> Self? {
        guard let parent = Self(describing: s.parent) else { return nil }
        var part = Self(kind: "profiled")
        (part.parent, part.kept) = ([parent], s.kept)
        return part
    }

    /// The space of the kind and settings, through the catalogue.
    private func built() throws -> any SearchSpace {
        switch kind {
        case "nb201": return try SpaceCatalogue.nb201(channels: channels ?? 16, cells: cells ?? 5)
        case "segment": return try SpaceCatalogue.segment(skeleton: skeleton ?? "mnasnet", frame: frame)
        case "cell":
            return try SpaceCatalogue.cell(operations: operations, nodes: nodes ?? 4, channels: channels ?? 36, layers: layers ?? 20)
        case "ofa": return OFASpace(resolutions: try required(resolutions, "resolutions"))
        case "fbnet": return try SpaceCatalogue.fbnet(width: width ?? 1)
        case "basenet":
            let stages = try required(stages, "stages").map { (channels: $0.first ?? 0, positions: $0.last ?? 0) }
            return try BasenetSpace(blocks: try required(blocks, "blocks"), stages: stages)
        case "hierarchical": return try SpaceCatalogue.hierarchical(motifs: motifs ?? 6, channels: channels ?? 16)
        case "composed":
            return try ComposedSpace(name: try required(name, "name"), spec: try required(spec, "spec"),
                                     defaultInput: input ?? TensorShape(channels: 3, height: 32, width: 32), defaultClasses: classes ?? 10)
        case "profiled":
            guard let parent = try parent?.first?.rebuild() as? any BlockwiseSpace else {
                throw WorkerError.cannotRebuild("a profiled space's description needs a blockwise parent")
            }
            return try ProfiledSpace(parent: parent, kept: try required(kept, "kept"))
        default: throw WorkerError.cannotRebuild("this naslab does not know the space kind '\(kind)'")
        }
    }

    private func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw WorkerError.cannotRebuild("a \(kind) space's description needs its \(field)") }
        return value
    }
}
