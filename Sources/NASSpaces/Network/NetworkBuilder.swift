/// Builds a `NetworkSpec` node by node, inferring every shape and naming every layer.
///
/// Spaces decode architectures with it: `add` appends a primitive, checks that the shapes
/// fit and throws a `SpaceError` naming the layer when they do not (for example a stride
/// that would take a 1×1 feature map below 1×1). `scoped` prefixes layer names
/// (`stage2.cell1.edge_2_0`).
public struct NetworkBuilder: Sendable {
    /// The shape of one input sample.
    public let input: TensorShape
    /// The nodes added so far.
    public private(set) var nodes: [LayerNode] = []
    /// The layer-name prefix (`scoped` pushes and pops it).
    var prefix: [String] = []

    /// The id that stands for the network input in `inputs` lists.
    public static let inputID = -1

    /// Starts an empty network on an input shape.
    public init(input: TensorShape) throws {
        guard input.channels >= 1, input.height >= 1, input.width >= 1 else {
            throw SpaceError("the input shape \(input) must have at least one channel and one pixel")
        }
        self.input = input
    }

    /// The output shape of a node (or of the input for `inputID`).
    public func shape(of id: Int) -> TensorShape {
        id == NetworkBuilder.inputID ? input : nodes[id].outputShape
    }

    /// Appends one primitive reading `inputs`; returns its id.
    @discardableResult
    public mutating func add(_ op: LayerOp, _ inputs: [Int], name: String) throws -> Int {
        let fullName = (prefix + [name]).joined(separator: ".")
        let outShape: TensorShape
        do {
            outShape = try op.outputShape(for: inputs.map { self.shape(of: $0) })
        } catch let error as SpaceError {
            throw SpaceError("layer '\(fullName)' (\(op.summary)): \(error.message)")
        }
        nodes.append(LayerNode(id: nodes.count, op: op, inputs: inputs, outputShape: outShape, name: fullName))
        return nodes.count - 1
    }

    /// Appends a chain of single-input primitives, each reading the previous; returns the last id.
    @discardableResult
    public mutating func chain(_ ops: [(LayerOp, String)], from input: Int) throws -> Int {
        var last = input
        for (op, name) in ops { last = try add(op, [last], name: name) }
        return last
    }

    /// Runs `body` with `name` appended to the layer-name prefix.
    public mutating func scoped<T>(_ name: String, _ body: (inout NetworkBuilder) throws -> T) rethrows -> T {
        prefix.append(name)
        defer { prefix.removeLast() }
        return try body(&self)
    }

    /// The finished spec whose output is node `output`.
    public func build(output: Int) -> NetworkSpec {
        NetworkSpec(input: input, nodes: nodes, output: output)
    }
}
