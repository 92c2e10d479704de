import NASSpaces
import NASTensor
import NASTraining

/// A network's spec with every layer's parameters, named as PyTorch names them: each layer gets
/// a Python identifier made from its naslab name (`stage2.cell1.edge_2_0.conv` →
/// `stage2_cell1_edge_2_0_conv`), and its tensors are `weight`, `bias` (conv, linear) or
/// `weight`, `bias`, `running_mean`, `running_var` (batch norm: γ, β and the running statistics
/// that inference uses).
///
/// Both exporters and the weight file read it, so the ONNX initializers, the PyTorch module's
/// attributes and the `.safetensors` keys agree.
public struct NetworkWeights {
    /// One named parameter tensor.
    public struct Parameter {
        /// `weight`, `bias`, `running_mean` or `running_var`.
        public let suffix: String
        /// Its shape (conv weights `[out, in/groups, k, k]`, linear weights `[out, in]`).
        public let shape: [Int]
        /// Its values, row-major.
        public let values: [Float]
    }

    /// The network.
    public let spec: NetworkSpec
    /// A unique Python identifier per node.
    public let identifiers: [String]
    /// The parameters of each node that has any (conv, batch norm, linear).
    public let parameters: [Int: [Parameter]]
    /// Where the weights came from (`"naslab seed 1"`, `"trained: …"`), for the files' headers.
    public let origin: String

    /// The weights of `model` (its current parameters and running statistics).
    public init(model: Model, origin: String) throws {
        spec = model.spec
        identifiers = NetworkWeights.identifiers(for: model.spec)
        self.origin = origin
        var remaining = model.stateTensors[...]
        var parameters: [Int: [Parameter]] = [:]
        for node in spec.nodes {
            let suffixes = NetworkWeights.suffixes(of: node.op)
            guard !suffixes.isEmpty else { continue }
            guard remaining.count >= suffixes.count else {
                throw ExportError("the model has fewer tensors than its network's layers need (at \(node.name))")
            }
            let tensors = remaining.prefix(suffixes.count)
            remaining = remaining.dropFirst(suffixes.count)
            parameters[node.id] = zip(suffixes, tensors).map { Parameter(suffix: $0, shape: $1.shape, values: $1.values) }
        }
        guard remaining.isEmpty else { throw ExportError("the model has more tensors than its network's layers") }
        self.parameters = parameters
    }

    /// The tensors an op owns, in the order `Model.stateTensors` lists them.
    static func suffixes(of op: LayerOp) -> [String] {
        switch op {
        case .conv(_, _, _, _, _, _, let bias), .linear(_, let bias): return bias ? ["weight", "bias"] : ["weight"]
        case .batchNorm: return ["weight", "bias", "running_mean", "running_var"]
        default: return []
        }
    }

    /// Every named tensor (`identifier.suffix`) in node order.
    public var namedTensors: [(name: String, shape: [Int], values: [Float])] {
        spec.nodes.flatMap { node in
            (parameters[node.id] ?? []).map { ("\(identifiers[node.id]).\($0.suffix)", $0.shape, $0.values) }
        }
    }

    /// The parameter `suffix` of node `id`.
    public func parameter(_ id: Int, _ suffix: String) -> Parameter? {
        parameters[id]?.first { $0.suffix == suffix }
    }

    /// A Python identifier per node, from its name, made unique by the node id where two clash.
    static func identifiers(for spec: NetworkSpec) -> [String] {
        var used = Set<String>()
        return spec.nodes.map { node in
            var id = pythonIdentifier(node.name)
            if id.isEmpty || reserved.contains(id) { id += "_\(node.id)" }
            while used.contains(id) { id += "_\(node.id)" }
            used.insert(id)
            return id
        }
    }

    /// Names a layer's attribute must not take: Python's keywords, `nn.Module`'s public attributes
    /// (torch 2.x), the generated module's own names and the ONNX graph's input and output.
    private static let reserved: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        "add_module", "apply", "bfloat16", "buffers", "children", "compile", "cpu", "cuda", "double", "eval",
        "extra_repr", "float", "forward", "get_buffer", "get_parameter", "get_submodule", "half", "load_state_dict",
        "modules", "named_buffers", "named_children", "named_modules", "named_parameters", "parameters",
        "register_buffer", "register_module", "register_parameter", "requires_grad_", "share_memory", "state_dict",
        "to", "to_empty", "train", "training", "type", "xpu", "zero_grad",
        "load_weights", "input", "logits", "self", "x",
    ]

    /// Letters, digits and underscores only, not starting with a digit.
    static func pythonIdentifier(_ name: String) -> String {
        var out = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        if let first = out.first, first.isNumber { out = "l" + out }
        return out
    }
}
