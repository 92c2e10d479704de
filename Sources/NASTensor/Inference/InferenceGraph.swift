/// A network written down for inference, op by op, before it is compiled into an
/// `InferencePlan` for one input shape.
///
/// Every value is a 4-D `[n, c, h, w]` activation (a feature vector is `[n, f, 1, 1]`). The graph
/// keeps the ops as given; `compile` folds batch norms into the convolutions and inner products
/// before them, fuses activations and residual sums into those kernels, merges repeated
/// parameter-free ops on the same value, drops what the output does not need, and lays the
/// intermediate values out in one reused buffer.
public final class InferenceGraph {
    /// A value of the graph (the network input or an op's output).
    public struct Value: Hashable, Sendable {
        /// The index of the node that produces it.
        public let id: Int
    }

    /// What a node computes.
    enum Op {
        case input
        case conv(weight: [Float], weightShape: [Int], bias: [Float]?, stride: Int, padding: Int, dilation: Int,
                  groups: Int)
        case linear(weight: [Float], bias: [Float]?)
        case batchNorm(scale: [Float], shift: [Float], mean: [Float], variance: [Float], epsilon: Float)
        case activation(Nonlinearity)
        case pool(PoolKind, kernelH: Int, kernelW: Int, stride: Int, padding: Int)
        case add
        case mul
        case concat
        case slice(start: Int, count: Int)
        case shift(rows: Int, cols: Int)
        case zeros
    }

    /// One node: an op, the values it reads, its output dims and the activation fused into it.
    struct Node {
        var op: Op
        var inputs: [Int]
        var dims: [Int]
        var activation: Nonlinearity?
    }

    private(set) var nodes: [Node]

    /// Starts a graph whose input is a plain NCHW batch of `dims` (`[n, c, h, w]`).
    public init(input dims: [Int]) throws {
        guard dims.count == 4, dims.allSatisfy({ $0 > 0 }) else {
            throw InferenceGraphError("an inference input must be [n, c, h, w] with every size positive, not \(dims)")
        }
        nodes = [Node(op: .input, inputs: [], dims: dims)]
    }

    /// The network input.
    public var input: Value { Value(id: 0) }

    /// The `[n, c, h, w]` dims of a value.
    public func dims(_ v: Value) -> [Int] { nodes[v.id].dims }

    /// Whether a value is known to be all zeros (an `add` leaves such terms out).
    public func isZero(_ v: Value) -> Bool { if case .zeros = nodes[v.id].op { return true } else { return false } }

    private func append(_ op: Op, _ inputs: [Value], _ dims: [Int]) -> Value {
        nodes.append(Node(op: op, inputs: inputs.map(\.id), dims: dims))
        return Value(id: nodes.count - 1)
    }

    /// A 2-D convolution with `weight` `[out, in / groups, k, k]` and an optional bias `[out]`.
    public func conv(_ x: Value, weight: Tensor, bias: Tensor?, stride: Int, padding: Int, dilation: Int,
                     groups: Int) throws -> Value {
        let d = dims(x), w = weight.shape
        guard w.count == 4, w[2] == w[3], groups > 0, d[1] == w[1] * groups, w[0] % groups == 0,
              bias.map({ $0.count == w[0] }) ?? true, stride > 0, dilation > 0, padding >= 0 else {
            throw InferenceGraphError("a convolution with weights \(w) and \(groups) groups cannot read \(d)")
        }
        let span = dilation * (w[2] - 1) + 1
        let oh = (d[2] + 2 * padding - span) / stride + 1, ow = (d[3] + 2 * padding - span) / stride + 1
        guard oh > 0, ow > 0 else { throw InferenceGraphError("a \(w[2])×\(w[2]) convolution does not fit \(d)") }
        return append(.conv(weight: weight.values, weightShape: w, bias: bias?.values, stride: stride, padding: padding,
                            dilation: dilation, groups: groups), [x], [d[0], w[0], oh, ow])
    }

    /// A fully connected layer on the flattened value: `weight` `[out, c·h·w]`, optional bias `[out]`.
    public func linear(_ x: Value, weight: Tensor, bias: Tensor?) throws -> Value {
        let d = dims(x), features = d[1] * d[2] * d[3]
        guard weight.shape.count == 2, weight.shape[1] == features, bias.map({ $0.count == weight.shape[0] }) ?? true else {
            throw InferenceGraphError("a linear layer with weights \(weight.shape) cannot read \(d)")
        }
        return append(.linear(weight: weight.values, bias: bias?.values), [x], [d[0], weight.shape[0], 1, 1])
    }

    /// Batch normalisation with running statistics (inference).
    public func batchNorm(_ x: Value, scale: Tensor, shift: Tensor, mean: Tensor, variance: Tensor,
                          epsilon: Float = 1e-5) throws -> Value {
        let c = dims(x)[1]
        guard [scale, shift, mean, variance].allSatisfy({ $0.count == c }) else {
            throw InferenceGraphError("batch norm parameters do not have \(c) channels")
        }
        return append(.batchNorm(scale: scale.values, shift: shift.values, mean: mean.values, variance: variance.values,
                                 epsilon: epsilon), [x], dims(x))
    }

    /// An elementwise activation.
    public func activation(_ x: Value, _ act: Nonlinearity) -> Value { append(.activation(act), [x], dims(x)) }

    /// Max or average pooling with a square window.
    public func pool(_ x: Value, _ kind: PoolKind, kernel: Int, stride: Int, padding: Int) throws -> Value {
        let d = dims(x)
        guard kernel > 0, stride > 0, padding >= 0, padding < kernel else {
            throw InferenceGraphError("pooling window \(kernel), stride \(stride), padding \(padding) is not valid")
        }
        let oh = (d[2] + 2 * padding - kernel) / stride + 1, ow = (d[3] + 2 * padding - kernel) / stride + 1
        guard oh > 0, ow > 0 else { throw InferenceGraphError("a \(kernel)×\(kernel) pooling window does not fit \(d)") }
        return append(.pool(kind, kernelH: kernel, kernelW: kernel, stride: stride, padding: padding), [x], [d[0], d[1], oh, ow])
    }

    /// Global average pooling to `[n, c, 1, 1]` (one window over the whole map).
    public func globalAvgPool(_ x: Value) -> Value {
        let d = dims(x)
        return append(.pool(.averageIncludingPadding, kernelH: d[2], kernelW: d[3], stride: 1, padding: 0), [x],
                      [d[0], d[1], 1, 1])
    }

    /// The elementwise sum of `terms` (same dims); all-zero terms are left out.
    public func add(_ terms: [Value]) throws -> Value {
        guard let first = terms.first else { throw InferenceGraphError("a sum needs at least one term") }
        guard terms.allSatisfy({ dims($0) == dims(first) }) else {
            throw InferenceGraphError("sum terms differ in shape: \(terms.map { dims($0) })")
        }
        let live = terms.filter { !isZero($0) }
        if live.isEmpty { return first }
        if live.count == 1 { return live[0] }
        return append(.add, live, dims(first))
    }

    /// `x · gate`, with `gate` either the same dims or `[n, c, 1, 1]` (broadcast: squeeze-and-excitation).
    public func mul(_ x: Value, _ gate: Value) throws -> Value {
        let a = dims(x), b = dims(gate)
        guard a == b || (b[0] == a[0] && b[1] == a[1] && b[2] == 1 && b[3] == 1) else {
            throw InferenceGraphError("cannot multiply \(a) by \(b)")
        }
        return append(.mul, [x, gate], a)
    }

    /// Concatenation along channels.
    public func concat(_ parts: [Value]) throws -> Value {
        guard let first = parts.first else { throw InferenceGraphError("a concatenation needs at least one input") }
        let d = dims(first)
        guard parts.allSatisfy({ let e = dims($0); return e[0] == d[0] && e[2] == d[2] && e[3] == d[3] }) else {
            throw InferenceGraphError("concatenated inputs differ in size: \(parts.map { dims($0) })")
        }
        if parts.count == 1 { return first }
        return append(.concat, parts, [d[0], parts.reduce(0) { $0 + dims($1)[1] }, d[2], d[3]])
    }

    /// Channels `start ..< start + count`.
    public func sliceChannels(_ x: Value, start: Int, count: Int) throws -> Value {
        let d = dims(x)
        guard start >= 0, count > 0, start + count <= d[1] else {
            throw InferenceGraphError("channels \(start)..<\(start + count) are not within \(d[1])")
        }
        if start == 0 && count == d[1] { return x }
        return append(.slice(start: start, count: count), [x], [d[0], count, d[2], d[3]])
    }

    /// Drops the first `rows` rows and `cols` columns and zero-pads at the end.
    public func shift(_ x: Value, rows: Int, cols: Int) throws -> Value {
        guard rows >= 0, cols >= 0 else { throw InferenceGraphError("a shift needs non-negative rows and columns") }
        return append(.shift(rows: rows, cols: cols), [x], dims(x))
    }

    /// An all-zero value of `dims`.
    public func zeros(_ dims: [Int]) throws -> Value {
        guard dims.count == 4, dims.allSatisfy({ $0 > 0 }) else { throw InferenceGraphError("zeros of \(dims)") }
        return append(.zeros, [], dims)
    }
}

/// A network that cannot be written as an inference graph, or a plan that cannot run an input.
public struct InferenceGraphError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
