/// Walks a compiled spec over the tokens of one architecture, adding layers to a builder.
struct SpecDecoder {
    var builder: NetworkBuilder
    let tokens: [Int]
    /// The running tensor.
    var current: Int = NetworkBuilder.inputID
    /// Output channels for the next ops (nil: keep the input's).
    var width: Int?
    /// Stride of the next op.
    var stride = 1
    /// Outputs of the enclosing repeat so far: the repeat's input, then each repetition's output.
    var history: [Int] = []
    private var counter = 0

    init(input: TensorShape, tokens: [Int]) throws {
        builder = try NetworkBuilder(input: input)
        self.tokens = tokens
    }

    mutating func decode(_ node: SpecNode) throws {
        switch node.kind {
        case .choice(let options):
            try applyChoice(node.name, options[tokens[node.offset]])
        case let .alternatives(labels, bodies):
            let k = tokens[node.offset]
            try decode(bodies[k])
            if let op = try? Operation(named: labels[k]) { try applyOp(op, name: node.name) }
        case .sequence(let children):
            for c in children { try decode(c) }
        case let .repeatBlock(depths, bodies):
            let saved = history
            history = [current]
            for b in bodies.prefix(depths.lowerBound + tokens[node.offset]) {
                try decode(b)
                history.append(current)
            }
            history = saved
        case let .inputs(pattern, merge, iteration):
            try mergeInputs(pattern, merge, iteration: iteration, node: node)
        case let .cell(nodes, operations):
            try decodeCell(node, nodes: nodes, operations: operations)
        case let .fixedCell(nodes, operations):
            try decodeFixedCell(node, nodes: nodes, operations: operations)
        case let .skeleton(skeleton, body):
            try decodeSkeleton(skeleton, body: body)
        }
    }

    private mutating func applyChoice(_ name: String, _ value: String) throws {
        let role = name.split(separator: ".").last.map(String.init) ?? name
        if role == "width" || role == "channels" {
            guard let w = Int(value), w >= 1 else { throw SpaceError("'\(name)': width '\(value)' is not a positive integer") }
            width = w
        } else if role == "stride" {
            guard let s = Int(value), s >= 1 else { throw SpaceError("'\(name)': stride '\(value)' is not a positive integer") }
            stride = s
        } else {
            let op: Operation
            do { op = try Operation(named: value) } catch let e as SpaceError { throw SpaceError("'\(name)': \(e.message)") }
            try applyOp(op, name: name)
        }
    }

    private mutating func applyOp(_ op: Operation, name: String) throws {
        let out = width ?? builder.shape(of: current).channels
        let s = stride
        let input = current
        counter += 1
        current = try builder.scoped("\(name)#\(counter)") { try op.apply(&$0, input: input, outChannels: out, stride: s) }
        stride = 1
    }

    private mutating func mergeInputs(_ pattern: InputPattern, _ merge: InputMerge, iteration i: Int, node: SpecNode) throws {
        // history[0] is the repeat's input, history[j + 1] repetition j; the predecessor is history[i].
        var extra: [Int] = []
        switch pattern {
        case .previous: break
        case .chosen: extra = (0..<i).filter { tokens[node.offset + $0] == 1 }.map { history[$0] }
        case .resnet: if i >= 1 { extra = [history[i - 1]] }
        case .densenet: extra = Array(history[0..<i])
        }
        guard !extra.isEmpty else { return }
        let target = builder.shape(of: current)
        var parts = [current]
        for (k, e) in extra.enumerated() {
            let source = e
            parts.append(try builder.scoped("\(node.name).merge\(k)") { b in
                try SpecDecoder.adapt(&b, source, to: target, merge: merge)
            })
        }
        current = try builder.add(merge == .add ? .add : .concat, parts, name: "\(node.name).\(merge.rawValue)")
    }

    /// Brings an earlier output to the running tensor's resolution (and channels, for a sum).
    static func adapt(_ b: inout NetworkBuilder, _ source: Int, to target: TensorShape, merge: InputMerge) throws -> Int {
        let s = b.shape(of: source)
        let factor = try subsamplingFactor(from: s, to: target)
        switch merge {
        case .add:
            if s == target { return source }
            return try b.chain([(Operation.conv(target.channels, 1, stride: factor), "proj"), (.batchNorm, "bn")], from: source)
        case .concat:
            if factor == 1 { return source }
            return try b.add(.maxPool(kernel: 1, stride: factor, padding: 0), [source], name: "subsample")
        }
    }

    /// The one stride that takes `source`'s height and width to `target`'s.
    ///
    /// Every strided op here pads to "same", so a stride s turns n pixels into ⌈n/s⌉ on each axis
    /// and a run of strides s₁…sₖ into ⌈n/(s₁⋯sₖ)⌉: their product always fits both axes, even
    /// where one axis has already shrunk to 1 pixel (a 1-D signal, or the short side of a
    /// non-square input). The smallest stride that fits is taken.
    static func subsamplingFactor(from source: TensorShape, to target: TensorShape) throws -> Int {
        func reaches(_ n: Int, _ m: Int, _ f: Int) -> Bool { (n + f - 1) / f == m }
        let largest = max(source.height, source.width)
        guard let factor = (1...largest).first(where: { reaches(source.height, target.height, $0) && reaches(source.width, target.width, $0) }) else {
            throw SpaceError("no single stride takes a \(source.height)×\(source.width) map to \(target.height)×\(target.width)")
        }
        return factor
    }

    private mutating func decodeCell(_ node: SpecNode, nodes: Int, operations: [String]) throws {
        let out = width ?? builder.shape(of: current).channels
        let s = stride
        var states = [current]
        for j in 1...nodes {
            var terms: [Int] = []
            for k in 0..<2 {
                let base = node.offset + 4 * (j - 1) + 2 * k
                let from = tokens[base]
                let op = try Operation(named: operations[tokens[base + 1]])
                let input = states[from]
                terms.append(try builder.scoped("\(node.name).node\(j).\(k)") {
                    try op.apply(&$0, input: input, outChannels: out, stride: from == 0 ? s : 1)
                })
            }
            states.append(try builder.add(.add, terms, name: "\(node.name).node\(j)"))
        }
        current = states[nodes]
        stride = 1
    }
}

extension ComposedSpace {
    /// Decodes the spec over the tokens, then adds global pooling and a linear classifier.
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        var d = try SpecDecoder(input: input, tokens: architecture.tokens)
        try d.decode(root)
        let out = try d.builder.chain([(.globalAvgPool, "pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: d.current)
        return d.builder.build(output: out)
    }
}
