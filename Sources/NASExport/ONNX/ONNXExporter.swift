import NASCore
import NASSpaces

/// Writes a network and its weights as an ONNX model (operator set 17): one ONNX node per naslab
/// layer (two or three where ONNX has no single operator), the weights as initializers, a free
/// `batch` dimension on the `input` and `logits` values.
///
/// Semantics follow naslab's inference path exactly: batch norm with its running statistics
/// (ε = 1e-5), dropout as the identity, `zero` as zeros of the strided shape, the output
/// flattened to `[batch, classes]`.
public struct ONNXExporter {
    /// The operator set version the nodes follow (HardSwish needs 14; 17 is read by onnxruntime ≥ 1.11).
    public static let opsetVersion: Int64 = 17
    /// Batch norm's ε, as naslab's `Tensor.batchNorm` uses it.
    static let batchNormEpsilon: Float = 1e-5

    private let weights: NetworkWeights
    private var graph: ONNXGraph
    /// The ONNX value each node's output is (an identity's is its input's).
    private var values: [String] = []
    /// The names of the constant initializers added so far.
    private var constants: Set<String> = []

    /// An exporter for `weights`' network.
    public init(_ weights: NetworkWeights) {
        self.weights = weights
        graph = ONNXGraph(name: "naslab")
    }

    /// The serialised model for `weights`; `title` describes it (the architecture's text).
    public static func model(_ weights: NetworkWeights, title: String) throws -> [UInt8] {
        var exporter = ONNXExporter(weights)
        try exporter.build()
        let doc = "\(title)\nexported by naslab \(NaslabVersion.number); weights: \(weights.origin)"
        return ONNXModel(opsetVersion: opsetVersion, producerVersion: NaslabVersion.number, docString: doc,
                         graph: exporter.graph).serialized()
    }

    /// Writes every node, the initializers and the graph's input and output.
    private mutating func build() throws {
        let spec = weights.spec
        let s = spec.input
        graph.inputs = [ONNXValueInfo(name: "input", shape: [.named("batch"), .fixed(s.channels), .fixed(s.height), .fixed(s.width)])]
        for tensor in weights.namedTensors {
            graph.initializers.append(ONNXTensor(name: tensor.name, dims: tensor.shape, floats: tensor.values))
        }
        for node in spec.nodes { values.append(try add(node)) }
        let out = spec.nodes[spec.output].outputShape
        append("Flatten", [values[spec.output]], "logits", name: "flatten_logits", [ONNXAttribute("axis", .int(1))])
        graph.outputs = [ONNXValueInfo(name: "logits", shape: [.named("batch"), .fixed(out.elementCount)])]
    }

    /// Writes the ONNX nodes of one layer; returns the name of its output value.
    private mutating func add(_ node: LayerNode) throws -> String {
        let x = node.inputs.map { $0 < 0 ? "input" : values[$0] }
        let out = weights.identifiers[node.id]
        let params = (weights.parameters[node.id] ?? []).map { "\(out).\($0.suffix)" }
        switch node.op {
        case let .conv(_, k, stride, padding, dilation, groups, _):
            append("Conv", [x[0]] + params, out, name: out, [
                ONNXAttribute("kernel_shape", .ints([k, k])), ONNXAttribute("strides", .ints([stride, stride])),
                ONNXAttribute("pads", .ints([padding, padding, padding, padding])),
                ONNXAttribute("dilations", .ints([dilation, dilation])), ONNXAttribute("group", .int(groups)),
            ])
        case .batchNorm:
            append("BatchNormalization", [x[0]] + params, out, name: out,
                   [ONNXAttribute("epsilon", .float(ONNXExporter.batchNormEpsilon))])
        case .relu: append("Relu", x, out, name: out)
        case .relu6: append("Clip", [x[0], constant("zero_scalar", [], 0), constant("six_scalar", [], 6)], out, name: out)
        case .hswish: append("HardSwish", x, out, name: out)
        case .sigmoid: append("Sigmoid", x, out, name: out)
        case .swish:
            append("Sigmoid", x, out + "_sigmoid", name: out + "_sigmoid")
            append("Mul", [x[0], out + "_sigmoid"], out, name: out)
        case let .maxPool(k, stride, padding):
            append("MaxPool", x, out, name: out, window(k, stride, padding))
        case let .avgPool(k, stride, padding, include):
            append("AveragePool", x, out, name: out,
                   window(k, stride, padding) + [ONNXAttribute("count_include_pad", .int(include ? 1 : 0))])
        case .globalAvgPool: append("GlobalAveragePool", x, out, name: out)
        case .linear:
            append("Flatten", x, out + "_flat", name: out + "_flat", [ONNXAttribute("axis", .int(1))])
            append("Gemm", [out + "_flat"] + params, out + "_gemm", name: out + "_gemm", [ONNXAttribute("transB", .int(1))])
            append("Unsqueeze", [out + "_gemm", ints("axes_hw", [2, 3])], out, name: out)
        case .add: append(x.count == 1 ? "Identity" : (x.count == 2 ? "Add" : "Sum"), x, out, name: out)
        case .mul: append("Mul", x, out, name: out)
        case .concat: append("Concat", x, out, name: out, [ONNXAttribute("axis", .int(1))])
        case let .sliceChannels(start, count):
            append("Slice", [x[0], ints(out + "_starts", [start]), ints(out + "_ends", [start + count]), ints("axis_c", [1])],
                   out, name: out)
        case let .shift(rows, cols):
            append("Slice", [x[0], ints(out + "_starts", [rows, cols]), ints("end_all_hw", [Int.max, Int.max]),
                             ints("axes_hw", [2, 3])], out + "_cut", name: out + "_cut")
            append("Pad", [out + "_cut", ints(out + "_pads", [0, 0, 0, 0, 0, 0, rows, cols])], out, name: out)
        case .zero(let stride):
            var source = x[0]
            if stride > 1 {
                source = out + "_strided"
                append("Slice", [x[0], ints("start_hw", [0, 0]), ints("end_all_hw", [Int.max, Int.max]), ints("axes_hw", [2, 3]),
                                 ints("steps_\(stride)", [stride, stride])], source, name: source)
            }
            append("Shape", [source], out + "_shape", name: out + "_shape")
            append("ConstantOfShape", [out + "_shape"], out, name: out,
                   [ONNXAttribute("value", .tensor(ONNXTensor(name: "", dims: [1], floats: [0])))])
        case .identity, .dropout:
            return x[0]
        }
        return out
    }

    /// kernel_shape, strides and pads of a square pooling window.
    private func window(_ k: Int, _ stride: Int, _ padding: Int) -> [ONNXAttribute] {
        [ONNXAttribute("kernel_shape", .ints([k, k])), ONNXAttribute("strides", .ints([stride, stride])),
         ONNXAttribute("pads", .ints([padding, padding, padding, padding]))]
    }

    /// Appends a node.
    private mutating func append(_ op: String, _ inputs: [String], _ output: String, name: String,
                                 _ attributes: [ONNXAttribute] = []) {
        graph.nodes.append(ONNXNode(op, inputs: inputs, outputs: [output], name: name, attributes: attributes))
    }

    /// The name of an int64 initializer (added once per name).
    private mutating func ints(_ name: String, _ values: [Int]) -> String {
        if constants.insert(name).inserted {
            graph.initializers.append(ONNXTensor(name: name, dims: [values.count], ints: values))
        }
        return name
    }

    /// The name of a float initializer of shape `dims` filled with `value` (added once per name).
    private mutating func constant(_ name: String, _ dims: [Int], _ value: Float) -> String {
        if constants.insert(name).inserted {
            graph.initializers.append(ONNXTensor(name: name, dims: dims, floats: [value]))
        }
        return name
    }
}
