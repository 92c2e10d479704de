import NASSpaces

/// Writes network specs by hand for tests, computing each node's output shape from the op's
/// textbook shape rule (independent of the model builder).
struct SpecBuilder {
    private(set) var nodes: [LayerNode] = []
    let input: TensorShape

    init(input: TensorShape) { self.input = input }

    func shape(_ id: Int) -> TensorShape { id == -1 ? input : nodes[id].outputShape }

    /// Appends a node and returns its id.
    @discardableResult
    mutating func add(_ op: LayerOp, _ inputs: [Int], _ name: String = "") -> Int {
        let s = shape(inputs[0])
        let out: TensorShape
        switch op {
        case .conv(let o, let k, let st, let p, let d, _, _):
            let span = d * (k - 1) + 1
            out = TensorShape(channels: o, height: (s.height + 2 * p - span) / st + 1, width: (s.width + 2 * p - span) / st + 1)
        case .maxPool(let k, let st, let p), .avgPool(let k, let st, let p, _):
            out = TensorShape(channels: s.channels, height: (s.height + 2 * p - k) / st + 1, width: (s.width + 2 * p - k) / st + 1)
        case .globalAvgPool: out = TensorShape(channels: s.channels, height: 1, width: 1)
        case .linear(let f, _): out = TensorShape(channels: f, height: 1, width: 1)
        case .concat:
            out = TensorShape(channels: inputs.map { shape($0).channels }.reduce(0, +), height: s.height, width: s.width)
        case .sliceChannels(_, let c): out = TensorShape(channels: c, height: s.height, width: s.width)
        case .zero(let st):
            out = TensorShape(channels: s.channels, height: (s.height + st - 1) / st, width: (s.width + st - 1) / st)
        default: out = s
        }
        nodes.append(LayerNode(id: nodes.count, op: op, inputs: inputs, outputShape: out,
                               name: name.isEmpty ? "n\(nodes.count)" : name))
        return nodes.count - 1
    }

    /// conv → BN → activation, returning the last id.
    mutating func convBN(_ x: Int, out: Int, k: Int, stride: Int = 1, groups: Int = 1, act: LayerOp? = .relu) -> Int {
        var id = add(.conv(outChannels: out, kernel: k, stride: stride, padding: k / 2, dilation: 1, groups: groups,
                           bias: false), [x])
        id = add(.batchNorm, [id])
        if let a = act { id = add(a, [id]) }
        return id
    }

    func spec(output: Int? = nil) -> NetworkSpec { NetworkSpec(input: input, nodes: nodes, output: output ?? nodes.count - 1) }
}

/// The hand-written networks the tests build.
enum TestNetworks {
    /// A two-hidden-layer MLP with BN and dropout.
    static func mlp(input: TensorShape, classes: Int) -> NetworkSpec {
        var b = SpecBuilder(input: input)
        var x = b.add(.linear(outFeatures: 64, bias: true), [-1])
        x = b.add(.batchNorm, [x])
        x = b.add(.relu, [x])
        x = b.add(.dropout(p: 0.1), [x])
        x = b.add(.linear(outFeatures: 32, bias: true), [x])
        x = b.add(.relu, [x])
        b.add(.linear(outFeatures: classes, bias: true), [x])
        return b.spec()
    }

    /// The CNN of `scripts/reference/train_fashion_cnn.py`.
    static func referenceCNN() -> NetworkSpec {
        var b = SpecBuilder(input: TensorShape(channels: 1, height: 28, width: 28))
        var x = b.convBN(-1, out: 8, k: 3)
        x = b.add(.maxPool(kernel: 2, stride: 2, padding: 0), [x])
        x = b.convBN(x, out: 16, k: 3)
        x = b.add(.maxPool(kernel: 2, stride: 2, padding: 0), [x])
        b.add(.linear(outFeatures: 10, bias: true), [x])
        return b.spec()
    }

    /// A NAS-Bench-201-style cell (4 nodes, 6 edges: conv3x3, skip, zero, avgpool, conv1x1)
    /// between a stem and a classifier, with ReLU-conv-BN edges as in the benchmark.
    static func nb201Cell(channels c: Int = 8, classes: Int = 10, input: TensorShape) -> NetworkSpec {
        var b = SpecBuilder(input: input)
        let stem = b.convBN(-1, out: c, k: 3, act: nil)
        func reluConvBN(_ x: Int, _ k: Int) -> Int {
            let r = b.add(.relu, [x])
            return b.convBN(r, out: c, k: k, act: nil)
        }
        let e10 = reluConvBN(stem, 3)
        let n1 = b.add(.add, [e10])
        let e20 = b.add(.identity, [stem])
        let e21 = b.add(.zero(stride: 1), [n1])
        let n2 = b.add(.add, [e20, e21])
        let e30 = b.add(.avgPool(kernel: 3, stride: 1, padding: 1, countIncludePad: false), [stem])
        let e31 = reluConvBN(n1, 1)
        let e32 = reluConvBN(n2, 3)
        let n3 = b.add(.add, [e30, e31, e32])
        let bn = b.add(.batchNorm, [n3])
        let r = b.add(.relu, [bn])
        let g = b.add(.globalAvgPool, [r])
        b.add(.linear(outFeatures: classes, bias: true), [g])
        return b.spec()
    }

    /// An MBConv block (expand 1×1, depthwise 3×3, squeeze-and-excitation, project, residual)
    /// with h-swish, as in MobileNetV3, plus a stem and a head.
    static func mbconvSE(input: TensorShape, classes: Int = 10) -> NetworkSpec {
        var b = SpecBuilder(input: input)
        let stem = b.convBN(-1, out: 16, k: 3, stride: 2, act: .hswish)
        let expand = b.convBN(stem, out: 48, k: 1, act: .relu6)
        let dw = b.convBN(expand, out: 48, k: 3, groups: 48, act: .relu6)
        let squeeze = b.add(.globalAvgPool, [dw])
        let reduce = b.add(.conv(outChannels: 12, kernel: 1, stride: 1, padding: 0, dilation: 1, groups: 1, bias: true),
                           [squeeze])
        let r = b.add(.relu, [reduce])
        let excite = b.add(.conv(outChannels: 48, kernel: 1, stride: 1, padding: 0, dilation: 1, groups: 1, bias: true),
                           [r])
        let gate = b.add(.sigmoid, [excite])
        let scaled = b.add(.mul, [dw, gate])
        let project = b.convBN(scaled, out: 16, k: 1, act: nil)
        let residual = b.add(.add, [project, stem])
        let head = b.convBN(residual, out: 32, k: 1, act: .swish)
        let pooled = b.add(.globalAvgPool, [head])
        b.add(.linear(outFeatures: classes, bias: true), [pooled])
        return b.spec()
    }

    /// Concat, channel slicing and the factorized-reduce shift in one small graph.
    static func concatSliceShift(input: TensorShape) -> NetworkSpec {
        var b = SpecBuilder(input: input)
        let stem = b.convBN(-1, out: 8, k: 3)
        let a = b.add(.conv(outChannels: 4, kernel: 1, stride: 2, padding: 0, dilation: 1, groups: 1, bias: false), [stem])
        let s = b.add(.shift(rows: 1, cols: 1), [stem])
        let c = b.add(.conv(outChannels: 4, kernel: 1, stride: 2, padding: 0, dilation: 1, groups: 1, bias: false), [s])
        let cat = b.add(.concat, [a, c])
        let half = b.add(.sliceChannels(start: 2, count: 4), [cat])
        let m = b.add(.maxPool(kernel: 3, stride: 1, padding: 1), [half])
        let g = b.add(.globalAvgPool, [m])
        b.add(.linear(outFeatures: 3, bias: false), [g])
        return b.spec()
    }

    /// Repeated parameter-free computations (two ReLUs of one node, two identical max poolings,
    /// one of them through an identity) that the model computes once, with a concat and a sum.
    static func repeatedOps(input: TensorShape) -> NetworkSpec {
        var b = SpecBuilder(input: input)
        let stem = b.convBN(-1, out: 8, k: 3, act: nil)
        let a = b.convBN(b.add(.relu, [stem]), out: 8, k: 3, act: nil)
        let c = b.convBN(b.add(.relu, [stem]), out: 8, k: 1, act: nil)
        let sum = b.add(.add, [a, c, stem])
        let same = b.add(.identity, [sum])
        let p1 = b.add(.maxPool(kernel: 3, stride: 1, padding: 1), [sum])
        let p2 = b.add(.maxPool(kernel: 3, stride: 1, padding: 1), [same])
        let cat = b.add(.concat, [p1, b.add(.relu, [p2])])
        let g = b.add(.globalAvgPool, [cat])
        b.add(.linear(outFeatures: 3, bias: true), [g])
        return b.spec()
    }
}
