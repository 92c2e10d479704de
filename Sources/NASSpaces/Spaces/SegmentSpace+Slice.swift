import NASCore

/// The slice of a segment space that its supernet holds: one frame's activation, and each block's
/// skip, width and depth, with the block's op, kernel, expansion and SE free.
///
/// Width, depth, skip and activation change the skeleton (how many layers, of which shapes), so
/// they cannot be mixed at one position; MnasNet-style one-shot searches (ProxylessNAS, FBNet, SPOS
/// on MnasNet skeletons) fix them from a frame network and search the ops. The whole space
/// (`segment()`) keeps every architecture for black-box search and frames its supernet with the
/// skeleton's published member; `sliced(frame:)` is the slice as a space of its own, so that a
/// black-box strategy searching with the supernet as its evaluator proposes only what it holds.
extension SegmentSpace {
    /// The published member that frames the supernet of the whole space: MnasNet-A1 on the MnasNet
    /// skeleton, ResNet-18 on ResNet's; nil on other skeletons (their frame takes every first option).
    public static func defaultFrameName(of skeleton: SegmentSkeleton) -> String? {
        switch skeleton.name {
        case "mnasnet": return "mnasnet_a1"
        case "resnet": return "resnet18"
        default: return nil
        }
    }

    /// The space of `frame`'s slice (the current frame when nil): the architectures with its
    /// activation and its blocks' skips, widths and depths; their tokens and text are the whole space's.
    public func sliced(frame: Architecture? = nil) throws -> SegmentSpace {
        let whole = SegmentSpace(skeleton: skeleton)
        let frame = frame ?? self.frame
        do { try whole.validate(frame) } catch let error as SpaceError {
            throw SpaceError("the frame of a \(name) slice must be an architecture of the space: \(error.message)")
        }
        let local = whole.slices(frame.tokens)
        let groups = [SegmentSpace.activationGroup(fixed: frame.tokens[0])]
            + skeleton.blocks.enumerated().map { SegmentSpace.blockGroup($0 + 1, widths: $1.widths, fixed: local[$0 + 1]) }
        return SegmentSpace(skeleton: skeleton, groups: groups, frame: frame, isSliced: true)
    }

    /// Checks membership, saying how an architecture leaves the slice when the space is one.
    public func validate(_ architecture: Architecture) throws {
        do { try validateGroups(architecture) } catch {
            if isSliced, let why = sliceViolation(architecture) { throw SpaceError(why) }
            throw error
        }
    }

    /// Why an architecture of the right length is outside the frame's slice (the first decision
    /// that differs from the frame's), or nil when it is inside or not even of the right length.
    public func sliceViolation(_ architecture: Architecture) -> String? {
        let t = architecture.tokens, f = frame.tokens
        guard t.count == f.count else { return nil }
        let fixed = [0] + skeleton.blocks.indices.flatMap { b in SegmentSpace.frameDecisions.map { 1 + 7 * b + $0 } }
        guard let p = fixed.first(where: { t[$0] != f[$0] }) else { return nil }
        let d = decisions[p]
        let value = d.options.indices.contains(t[p]) ? d.options[t[p]] : "option \(t[p])"
        return "the architecture is outside the \(name) supernet's slice: '\(d.name)' is \(value) where the frame "
            + "'\(canonical(frame))' has \(d.options[f[p]]) (a segment supernet keeps the frame's activation and each block's "
            + "skip, width and layers, and mixes only op, kernel, expansion and SE; search segment(frame: …) to propose only its architectures)"
    }
}
