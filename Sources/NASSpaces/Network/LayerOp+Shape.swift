/// Shape inference for primitive layers.
extension LayerOp {
    /// The output shape of this op for the given input shapes; throws when the shapes do not fit.
    ///
    /// The message says what does not fit; `NetworkBuilder` adds which layer it was.
    public func outputShape(for inputs: [TensorShape]) throws -> TensorShape {
        guard let first = inputs.first else { throw SpaceError("it has no input") }
        switch self {
        case let .conv(outChannels, kernel, stride, padding, dilation, groups, _):
            try LayerOp.checkGroups(groups, inChannels: first.channels, outChannels: outChannels)
            let extent = dilation * (kernel - 1) + 1
            return try LayerOp.window(first, channels: outChannels, extent: extent, stride: stride, padding: padding)
        case let .maxPool(kernel, stride, padding), let .avgPool(kernel, stride, padding, _):
            return try LayerOp.window(first, channels: first.channels, extent: kernel, stride: stride, padding: padding)
        case .zero(let stride):
            guard stride >= 1 else { throw SpaceError("stride \(stride) must be at least 1") }
            return TensorShape(channels: first.channels, height: (first.height - 1) / stride + 1,
                               width: (first.width - 1) / stride + 1)
        case .globalAvgPool:
            return TensorShape(channels: first.channels, height: 1, width: 1)
        case .linear(let outFeatures, _):
            return TensorShape(channels: outFeatures, height: 1, width: 1)
        case .add:
            guard inputs.allSatisfy({ $0 == first }) else {
                throw SpaceError("a sum needs equal shapes, got \(inputs.map(\.description).joined(separator: ", "))")
            }
            return first
        case .mul:
            return try LayerOp.broadcastProduct(inputs)
        case .concat:
            guard inputs.allSatisfy({ $0.height == first.height && $0.width == first.width }) else {
                throw SpaceError("a concatenation needs equal heights and widths, got \(inputs.map(\.description).joined(separator: ", "))")
            }
            return TensorShape(channels: inputs.reduce(0) { $0 + $1.channels }, height: first.height, width: first.width)
        case let .sliceChannels(start, count):
            guard start >= 0, count >= 1, start + count <= first.channels else {
                throw SpaceError("channels \(start)..<\(start + count) are not inside \(first.channels) channels")
            }
            return TensorShape(channels: count, height: first.height, width: first.width)
        case .batchNorm, .relu, .relu6, .hswish, .sigmoid, .swish, .shift, .identity, .dropout:
            return first
        }
    }

    private static func checkGroups(_ groups: Int, inChannels: Int, outChannels: Int) throws {
        guard groups >= 1, inChannels % groups == 0, outChannels % groups == 0 else {
            throw SpaceError("\(groups) groups do not divide \(inChannels) input and \(outChannels) output channels")
        }
    }

    private static func window(_ s: TensorShape, channels: Int, extent: Int, stride: Int, padding: Int) throws -> TensorShape {
        guard stride >= 1 else { throw SpaceError("stride \(stride) must be at least 1") }
        let h = (s.height + 2 * padding - extent) / stride + 1
        let w = (s.width + 2 * padding - extent) / stride + 1
        guard s.height + 2 * padding >= extent, s.width + 2 * padding >= extent, h >= 1, w >= 1 else {
            throw SpaceError("a \(extent)×\(extent) window with stride \(stride) does not fit a \(s.height)×\(s.width) input (it would drop below 1×1)")
        }
        return TensorShape(channels: channels, height: h, width: w)
    }

    private static func broadcastProduct(_ inputs: [TensorShape]) throws -> TensorShape {
        guard inputs.count == 2 else { throw SpaceError("a product needs exactly two inputs") }
        let (a, b) = (inputs[0], inputs[1])
        guard b == a || (b.channels == a.channels && b.height == 1 && b.width == 1) else {
            throw SpaceError("cannot scale \(a) by \(b)")
        }
        return a
    }

    /// A short readable form for layer tables and diagrams (`conv3x3/2 g4 → 32`).
    public var summary: String {
        switch self {
        case let .conv(out, k, s, _, d, g, _):
            var text = "conv\(k)x\(k)"
            if s != 1 { text += "/\(s)" }
            if d != 1 { text += " dil\(d)" }
            if g != 1 { text += " g\(g)" }
            return text + " →\(out)"
        case .batchNorm: return "bn"
        case .relu: return "relu"
        case .relu6: return "relu6"
        case .hswish: return "hswish"
        case .sigmoid: return "sigmoid"
        case .swish: return "swish"
        case let .maxPool(k, s, _): return "maxpool\(k)x\(k)" + (s != 1 ? "/\(s)" : "")
        case let .avgPool(k, s, _, _): return "avgpool\(k)x\(k)" + (s != 1 ? "/\(s)" : "")
        case .globalAvgPool: return "global_avg_pool"
        case let .linear(out, _): return "linear →\(out)"
        case .add: return "add"
        case .mul: return "mul"
        case .concat: return "concat"
        case let .sliceChannels(start, count): return "slice[\(start)..<\(start + count)]"
        case let .shift(r, c): return "shift(\(r),\(c))"
        case .zero(let s): return s == 1 ? "zero" : "zero/\(s)"
        case .identity: return "identity"
        case .dropout(let p): return "dropout(\(p))"
        }
    }
}
