import Foundation
import NASCore

/// NASNet/DARTS cell space (Zoph et al., CVPR 2018; Liu et al., ICLR 2019): a normal and a
/// reduction cell, stacked with reductions at 1/3 and 2/3 of the depth.
///
/// Each cell has `nodes` intermediate nodes; node i reads two different earlier states (the two
/// cell inputs c_{k-2}, c_{k-1} and nodes before it), each through an op, and sums them; the cell
/// outputs the concatenation of its intermediate nodes. Tokens per node: input, op, input, op.
/// The two inputs of a node are unordered, so `size` counts each unordered pair once (for DARTS,
/// (C(2,2)·C(3,2)·C(4,2)·C(5,2)·7⁸)² ≈ 1.08×10¹⁸) and `identity` sorts them; text follows the
/// DARTS `Genotype(...)` format.
public struct CellSpace: GroupedSearchSpace {
    /// DARTS's seven operations (its eighth, `none`, never appears in a derived genotype).
    public static let dartsOperations = ["max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                         "dil_conv_3x3", "dil_conv_5x5"]
    /// DARTS-V2's published genotype (second-order DARTS, Liu et al. 2019, `genotypes.py`).
    public static let dartsV2 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"

    /// The candidate op names (each readable by `Operation(named:)`).
    public let operations: [String]
    /// Intermediate nodes per cell.
    public let nodes: Int
    /// Channels of the first cells (36 for DARTS on CIFAR-10).
    public let channels: Int
    /// Cells in the network (20 for DARTS on CIFAR-10).
    public let layers: Int
    public let groups: [DecisionGroup]
    private let catalogue: [Operation]

    /// Creates a cell space; throws when an op name is not in the catalogue.
    public init(operations: [String] = CellSpace.dartsOperations, nodes: Int = 4, channels: Int = 36, layers: Int = 20) throws {
        guard nodes >= 1, layers >= 3, channels >= 2, channels % 2 == 0 else {
            throw SpaceError("a cell space needs at least 1 node, 3 layers and an even channel count")
        }
        catalogue = try operations.map { try Operation(named: $0) }
        self.operations = operations
        self.nodes = nodes
        self.channels = channels
        self.layers = layers
        var groups: [DecisionGroup] = []
        for cell in ["normal", "reduce"] {
            for i in 0..<nodes {
                let inputs = Decision(name: "", options: (0..<(i + 2)).map(String.init))
                let ops = Decision(name: "", options: operations)
                var ds = [inputs, ops, inputs, ops]
                for (k, suffix) in ["in1", "op1", "in2", "op2"].enumerated() { ds[k].name = "\(cell).node\(i + 2).\(suffix)" }
                groups.append(DecisionGroup(decisions: ds) { $0[0] != $0[2] })
            }
        }
        self.groups = groups
    }

    /// The DARTS space with its defaults.
    public init() {
        // The default op names are all in the catalogue, so this cannot fail.
        try! self.init(operations: CellSpace.dartsOperations)
    }

    public var name: String { "cell" }

    public func groupName(_ i: Int) -> String { "\(i < nodes ? "normal" : "reduce") cell, node \(i % nodes + 2)" }

    /// Unordered input pairs: the ordered count halved per node.
    public var size: BigCount {
        groups.reduce(BigCount.one) { $0 * BigCount($1.members.count / 2) }
    }

    /// Tokens with each node's two (input, op) pairs sorted, joined: equal for cells that differ
    /// only in the order of a node's inputs.
    public func identity(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        return slices(architecture.tokens).map { t in
            let pairs = [[t[0], t[1]], [t[2], t[3]]].sorted { $0.lexicographicallyPrecedes($1) }
            return pairs.map { "\($0[0]):\($0[1])" }.joined(separator: ",")
        }.joined(separator: ";")
    }

    public func enumerate(limit: Int) throws -> [Architecture] {
        guard let n = size.intValue, n <= limit else {
            throw SpaceError("\(name) has \(size) architectures, more than the limit of \(limit) for enumeration")
        }
        var result: [[Int]] = [[]]
        for g in groups { result = result.flatMap { p in g.members.filter { $0[0] < $0[2] }.map { p + $0 } } }
        return result.map { Architecture(space: name, tokens: $0) }
    }

    public var help: String {
        "The NASNet/DARTS cell space: search two small cells, a normal cell that keeps the resolution and a reduction cell that halves it, and stack them into a fixed network with reduction cells at 1/3 and 2/3 of the depth. Each of the cell's intermediate nodes sums two ops applied to two earlier states; the cell outputs their concatenation. Architectures print and parse in DARTS's Genotype format; DARTS-V2 is a member."
    }

    public var paper: String {
        "Zoph, Vasudevan, Shlens & Le, Learning Transferable Architectures for Scalable Image Recognition (NASNet), CVPR 2018; Liu, Simonyan & Yang, DARTS: Differentiable Architecture Search, ICLR 2019"
    }

    /// The catalogue operation behind op token `t`.
    func operation(_ t: Int) -> Operation { catalogue[t] }
}
