import Foundation

/// Names of operations as the literature and the language write them.
extension Operation {
    /// The operation's name; `Operation(named: op.name) == op`.
    public var name: String {
        switch self {
        case let .conv(k, d, g): return "conv\(k)x\(k)" + (d != 1 ? "_d\(d)" : "") + (g != 1 ? "_g\(g)" : "")
        case .reluConvBN(let k): return "nor_conv_\(k)x\(k)"
        case .sepConv(let k): return "sep_conv_\(k)x\(k)"
        case let .dilConv(k, d): return "dil_conv_\(k)x\(k)" + (d != 2 ? "_d\(d)" : "")
        case .depthwiseConv(let k): return "dw_conv_\(k)x\(k)"
        case .mbconv(let m): return Operation.mbconvName(m)
        case .avgPool(let k): return "avg_pool_\(k)x\(k)"
        case .maxPool(let k): return "max_pool_\(k)x\(k)"
        case .identity: return "skip_connect"
        case .zero: return "none"
        case .factorizedReduce: return "factorized_reduce"
        case .globalPool: return "global_pool"
        case .linear: return "linear"
        }
    }

    /// Reads an operation name (`conv3x3`, `nor_conv_1x1`, `sep_conv_5x5`, `mbconv_e6_k5_se0.25_hswish`, …).
    public init(named text: String) throws {
        let name = text.trimmed().lowercased()
        switch name {
        case "skip_connect", "identity", "skip": self = .identity; return
        case "none", "zero": self = .zero; return
        case "factorized_reduce": self = .factorizedReduce; return
        case "global_pool", "global_avg_pool": self = .globalPool; return
        case "linear", "fc": self = .linear; return
        default: break
        }
        if let op = try Operation.parseKernelOp(name) { self = op; return }
        if name.hasPrefix("mbconv") { self = .mbconv(try Operation.parseMBConv(name)); return }
        throw SpaceError("unknown operation '\(text)'; known: \(OperationCatalogue.examples.joined(separator: ", "))")
    }

    private static func parseKernelOp(_ name: String) throws -> Operation? {
        let families: [(String, (Int, [String]) throws -> Operation)] = [
            ("nor_conv_", { k, _ in .reluConvBN(kernel: k) }),
            ("sep_conv_", { k, _ in .sepConv(kernel: k) }),
            ("dil_conv_", { k, rest in .dilConv(kernel: k, dilation: try option(rest, "d", default: 2, in: name)) }),
            ("dw_conv_", { k, _ in .depthwiseConv(kernel: k) }),
            ("avg_pool_", { k, _ in .avgPool(kernel: k) }),
            ("max_pool_", { k, _ in .maxPool(kernel: k) }),
            ("conv", { k, rest in .conv(kernel: k, dilation: try option(rest, "d", default: 1, in: name),
                                        groups: try option(rest, "g", default: 1, in: name)) }),
        ]
        for (prefix, make) in families where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: "_").map(String.init)
            guard let size = parts.first, let k = kernelSize(size) else {
                throw SpaceError("'\(name)' needs a kernel size like 3x3 after '\(prefix)'")
            }
            return try make(k, Array(parts.dropFirst()))
        }
        return nil
    }

    private static func kernelSize(_ text: String) -> Int? {
        let sides = text.split(separator: "x")
        guard sides.count == 2, let a = Int(sides[0]), a == Int(sides[1]), a >= 1, a % 2 == 1 else { return nil }
        return a
    }

    private static func option(_ parts: [String], _ letter: String, default value: Int, in name: String) throws -> Int {
        for p in parts {
            guard p.hasPrefix(letter), let v = Int(p.dropFirst()), v >= 1 else {
                if ["d", "g"].contains(where: { p.hasPrefix($0) }) { continue }
                throw SpaceError("'\(p)' in '\(name)' is not an option (use _d<dilation> or _g<groups>)")
            }
            return v
        }
        return value
    }

    private static func mbconvName(_ m: MBConv) -> String {
        var s = "mbconv_e\(m.expansion)_k\(m.kernel)"
        if let se = m.se { s += "_se\(se.ratio)" }
        if m.activation != .relu6 { s += "_\(m.activation.rawValue)" }
        if m.groups != 1 { s += "_g\(m.groups)" }
        if m.alwaysExpand { s += "_pw" }
        if !m.residual { s += "_noskip" }
        return s
    }

    private static func parseMBConv(_ name: String) throws -> MBConv {
        var m = MBConv(expansion: 6, kernel: 3)
        for part in name.split(separator: "_").dropFirst().map(String.init) {
            if let a = Activation(rawValue: part) { m.activation = a; continue }
            if part == "noskip" { m.residual = false; continue }
            if part == "pw" { m.alwaysExpand = true; continue }
            if part.hasPrefix("se"), let r = Double(part.dropFirst(2)), r > 0, r <= 1 {
                m.se = SqueezeExcite(ratio: r)
                continue
            }
            guard let v = Int(part.dropFirst()), v >= 1 else {
                throw SpaceError("'\(part)' in '\(name)' is not an MBConv option (e<expansion>, k<kernel>, se<ratio>, g<groups>, an activation, pw, noskip)")
            }
            switch part.first {
            case "e": m.expansion = v
            case "k" where v % 2 == 1: m.kernel = v
            case "g": m.groups = v
            default: throw SpaceError("'\(part)' in '\(name)' is not an MBConv option")
            }
        }
        return m
    }
}
