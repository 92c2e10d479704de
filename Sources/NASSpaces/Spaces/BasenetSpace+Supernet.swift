import NASCore

/// The basenet supernet: every position a mix of the space's block types, so a SPOS supernet
/// trained once can score any basenet architecture (and profile the space).
extension BasenetSpace: SupernetSpace {
    /// The skeleton with each position's blocks on their own branches (scoped by block name)
    /// summed by one mixing node; rows are the positions' decisions.
    public func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        var choices: [ChoicePoint] = []
        let network = try skeleton(input: input, classes: classes) { b, position, x, channels, stride in
            var branches: [Int?] = []
            for block in blocks {
                branches.append(try b.scoped(block) { try addBlock(block, &$0, input: x, outChannels: channels, stride: stride) })
            }
            let point = try b.mix(branches, row: position)
            choices.append(point)
            return point.node
        }
        return SupernetSpec(network: network, rows: decisions, choices: choices)
    }

    /// The positions' tokens: one block per position.
    public func selection(of architecture: Architecture) throws -> [Int?] {
        try validate(architecture)
        return architecture.tokens.map { $0 }
    }

    /// The strongest block of each position (ties go to the earlier block).
    public func derive(from weights: [[Double]]) throws -> Architecture {
        guard weights.count == blockCount, weights.allSatisfy({ $0.count == blocks.count }) else {
            throw SpaceError("the basenet space needs \(blockCount) rows of \(blocks.count) weights, got \(weights.map(\.count))")
        }
        return Architecture(space: name, tokens: weights.map { row in row.indices.max { row[$0] < row[$1] }! })
    }
}
