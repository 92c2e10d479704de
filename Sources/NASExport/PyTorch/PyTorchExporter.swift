import Foundation
import NASCore
import NASSpaces

/// Writes a network as a readable PyTorch `nn.Module`: one attribute per layer with weights
/// (`nn.Conv2d`, `nn.BatchNorm2d`, `nn.Linear`, named after the naslab layer), one line per layer
/// in `forward`, and a `load()` that reads the `.safetensors` weight file written beside it.
///
/// Every value stays an NCHW image (a linear layer's output is `[batch, out, 1, 1]`) and the
/// output is flattened to `[batch, classes]`, as naslab does. In `eval()` mode the module
/// computes naslab's inference: batch norm with the running statistics (ε = 1e-5), no dropout.
public struct PyTorchExporter {
    /// Longest line written (a comment is dropped or shortened to stay under it).
    public static let maxLineLength = 120

    private let weights: NetworkWeights

    /// An exporter for `weights`' network.
    public init(_ weights: NetworkWeights) { self.weights = weights }

    /// The module's source; `title` describes the architecture, `weightFile` is the weight
    /// file's name (beside the module).
    public func source(title: String, weightFile: String) -> String {
        let spec = weights.spec
        let s = spec.input, out = spec.nodes[spec.output].outputShape.elementCount
        var lines = ["\"\"\"A PyTorch module for the naslab architecture"]
        lines += wrapped(pythonText(title), width: PyTorchExporter.maxLineLength - 4)
        let about = "Written by naslab \(NaslabVersion.number). Input: a float tensor [batch, \(s.channels), \(s.height), "
            + "\(s.width)] (NCHW); output: [batch, \(out)] logits. `load()` returns the module with the weights of "
            + "\(pythonText(weightFile)) beside this file, in eval() mode, where it computes what naslab's inference "
            + "computes: batch norm with its running statistics, no dropout. Weights: \(pythonText(weights.origin))."
        lines += [""] + wrapped(about, width: PyTorchExporter.maxLineLength - 4)
        lines += [
            "\"\"\"",
            "import json",
            "import struct",
            "from pathlib import Path",
            "",
            "import torch",
            "import torch.nn.functional as F",
            "from torch import nn",
            "",
            "WEIGHTS = Path(__file__).with_name(\(pythonString(weightFile)))",
            "",
            "",
            "class Net(nn.Module):",
            "    \"\"\"The architecture's network (see the module's docstring).\"\"\"",
            "",
            "    def __init__(self):",
            "        super().__init__()",
        ]
        lines += spec.nodes.compactMap(declaration)
        lines += ["", "    def forward(self, x):"]
        lines += spec.nodes.compactMap(forwardLine)
        lines += ["        return \(value(spec.output)).flatten(1)", ""]
        lines += loaders
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `__init__` line of a layer with weights; nil for the others.
    private func declaration(_ node: LayerNode) -> String? {
        let name = weights.identifiers[node.id]
        let inChannels = inputShape(node).channels
        let module: String
        switch node.op {
        case let .conv(outChannels, k, stride, padding, dilation, groups, bias):
            var args = ["\(inChannels)", "\(outChannels)", "\(k)"]
            if stride != 1 { args.append("stride=\(stride)") }
            if padding != 0 { args.append("padding=\(padding)") }
            if dilation != 1 { args.append("dilation=\(dilation)") }
            if groups != 1 { args.append("groups=\(groups)") }
            args.append("bias=\(bias ? "True" : "False")")
            module = "nn.Conv2d(\(args.joined(separator: ", ")))"
        case .batchNorm:
            module = "nn.BatchNorm2d(\(inChannels))"
        case let .linear(outFeatures, bias):
            module = "nn.Linear(\(inputShape(node).elementCount), \(outFeatures)\(bias ? "" : ", bias=False"))"
        default:
            return nil
        }
        return commented("        self.\(name) = \(module)", ["output \(node.outputShape)"])
    }

    /// The `forward` line of a layer: `hN = …`.
    private func forwardLine(_ node: LayerNode) -> String {
        let x = node.inputs.map(value)
        let first = x[0], name = weights.identifiers[node.id]
        let expression: String
        switch node.op {
        case .conv, .batchNorm: expression = "self.\(name)(\(first))"
        case .linear: expression = "self.\(name)(\(first).flatten(1))[:, :, None, None]"
        case .relu: expression = "F.relu(\(first))"
        case .relu6: expression = "F.relu6(\(first))"
        case .hswish: expression = "F.hardswish(\(first))"
        case .sigmoid: expression = "torch.sigmoid(\(first))"
        case .swish: expression = "F.silu(\(first))"
        case let .maxPool(k, stride, padding): expression = "F.max_pool2d(\(first), \(k), \(stride), \(padding))"
        case let .avgPool(k, stride, padding, include):
            expression = "F.avg_pool2d(\(first), \(k), \(stride), \(padding), count_include_pad=\(include ? "True" : "False"))"
        case .globalAvgPool: expression = "\(first).mean((2, 3), keepdim=True)"
        case .add: expression = x.joined(separator: " + ")
        case .mul: expression = "\(first) * \(x[1])"
        case .concat: expression = "torch.cat([\(x.joined(separator: ", "))], 1)"
        case let .sliceChannels(start, count): expression = "\(first)[:, \(start):\(start + count)]"
        case let .shift(rows, cols): expression = "F.pad(\(first)[:, :, \(rows):, \(cols):], (0, \(cols), 0, \(rows)))"
        case .zero(let stride):
            expression = stride == 1 ? "torch.zeros_like(\(first))" : "torch.zeros_like(\(first)[:, :, ::\(stride), ::\(stride)])"
        case .identity: expression = first
        case .dropout(let p): expression = "F.dropout(\(first), \(p), self.training)"
        }
        // A module's attribute already says the layer's name; other lines get it in the comment.
        let named = NetworkWeights.suffixes(of: node.op).isEmpty
        let comments = named ? ["\(node.name): \(node.outputShape)", "\(node.outputShape)"] : ["\(node.outputShape)"]
        return commented("        \(value(node.id)) = \(expression)", comments)
    }

    /// The line with the first of `comments` that fits appended (`  # …`), else the code alone.
    private func commented(_ code: String, _ comments: [String]) -> String {
        for comment in comments {
            let line = "\(code)  # \(comment)"
            if line.count <= PyTorchExporter.maxLineLength { return line }
        }
        return code
    }

    /// The Python variable holding node `id`'s output (`x` for the network input).
    private func value(_ id: Int) -> String { id < 0 ? "x" : "h\(id)" }

    /// The shape a node reads (its first input's).
    private func inputShape(_ node: LayerNode) -> TensorShape {
        let i = node.inputs[0]
        return i < 0 ? weights.spec.input : weights.spec.nodes[i].outputShape
    }

    /// The weight-file reader and `load()`.
    private var loaders: [String] {
        [
            "    def load_weights(self, path=WEIGHTS):",
            "        \"\"\"Loads naslab's weights from a .safetensors file (every parameter and running statistic).\"\"\"",
            "        data = Path(path).read_bytes()",
            "        (size,) = struct.unpack(\"<Q\", data[:8])",
            "        header = json.loads(data[8:8 + size])",
            "        header.pop(\"__metadata__\", None)",
            "        body = memoryview(data)[8 + size:]",
            "        tensors = {}",
            "        for key, entry in header.items():",
            "            begin, end = entry[\"data_offsets\"]",
            "            flat = torch.frombuffer(bytearray(body[begin:end]), dtype=torch.float32)",
            "            tensors[key] = flat.reshape(entry[\"shape\"])",
            "        missing = [k for k in self.state_dict() if k not in tensors and not k.endswith(\"num_batches_tracked\")]",
            "        if missing:",
            "            raise KeyError(f\"{path} has no values for {missing[:5]}\")",
            "        self.load_state_dict(tensors, strict=False)",
            "        return self",
            "",
            "",
            "def load(path=WEIGHTS):",
            "    \"\"\"The module with naslab's weights, in eval() mode.\"\"\"",
            "    return Net().load_weights(path).eval()",
        ]
    }

    /// `text` in lines of at most `width` characters, broken at spaces where it has any (an
    /// architecture's text has none: it is cut where the width ends).
    private func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            var rest = Substring(word)
            if !line.isEmpty, line.count + 1 + rest.count > width {
                lines.append(line)
                line = ""
            }
            while line.count + (line.isEmpty ? 0 : 1) + rest.count > width {
                let room = width - line.count - (line.isEmpty ? 0 : 1)
                line += (line.isEmpty ? "" : " ") + rest.prefix(room)
                lines.append(line)
                line = ""
                rest = rest.dropFirst(room)
            }
            if !rest.isEmpty { line += (line.isEmpty ? "" : " ") + rest }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Text safe inside a Python docstring (no backslashes or triple quotes).
    private func pythonText(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "/").replacingOccurrences(of: "\"\"\"", with: "'''")
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// A Python string literal.
    private func pythonString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
