import NASSpaces

/// The networks `scripts/bench.d/train.sh` measures (28×28 single-channel inputs, 10 classes),
/// mirrored layer for layer in `scripts/reference/bench_torch.py`.
enum BenchNetworks {
    static let input = TensorShape(channels: 1, height: 28, width: 28)

    /// The four networks with the names the bench scripts use, in their order.
    static func all() -> [(name: String, spec: NetworkSpec)] {
        [("mlp", mlp()), ("small-cnn", smallCNN()), ("nb201", nb201()), ("mobilenetv2", mobileNetV2())]
    }

    /// 784 → 256 → 128 → 10 with ReLU.
    static func mlp() -> NetworkSpec {
        var b = SpecBuilder(input: input)
        var x = b.add(.linear(outFeatures: 256, bias: true), [-1])
        x = b.add(.relu, [x])
        x = b.add(.linear(outFeatures: 128, bias: true), [x])
        x = b.add(.relu, [x])
        b.add(.linear(outFeatures: 10, bias: true), [x])
        return b.spec()
    }

    /// conv3×3 32, BN, ReLU, maxpool; conv3×3 64, BN, ReLU, maxpool; linear 10.
    static func smallCNN() -> NetworkSpec {
        var b = SpecBuilder(input: input)
        var x = b.convBN(-1, out: 32, k: 3)
        x = b.add(.maxPool(kernel: 2, stride: 2, padding: 0), [x])
        x = b.convBN(x, out: 64, k: 3)
        x = b.add(.maxPool(kernel: 2, stride: 2, padding: 0), [x])
        b.add(.linear(outFeatures: 10, bias: true), [x])
        return b.spec()
    }

    /// NAS-Bench-201 macro skeleton: stem conv3×3 16 + BN, three stages of `cells` cells at
    /// 16/32/64 channels joined by ResNet reduction blocks, BN-ReLU, global pooling, linear.
    /// The cell is the benchmark's best CIFAR-10 cell (index 6111):
    /// |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|.
    static func nb201(cells: Int = 5) -> NetworkSpec {
        var b = SpecBuilder(input: input)
        var x = b.convBN(-1, out: 16, k: 3, act: nil)
        for (stage, c) in [16, 32, 64].enumerated() {
            if stage > 0 { x = reduction(&b, x, out: c) }
            for _ in 0..<cells { x = cell(&b, x, c) }
        }
        x = b.add(.batchNorm, [x])
        x = b.add(.relu, [x])
        x = b.add(.globalAvgPool, [x])
        b.add(.linear(outFeatures: 10, bias: true), [x])
        return b.spec()
    }

    private static func reluConvBN(_ b: inout SpecBuilder, _ x: Int, _ c: Int, k: Int, stride: Int = 1) -> Int {
        let r = b.add(.relu, [x])
        return b.convBN(r, out: c, k: k, stride: stride, act: nil)
    }

    private static func cell(_ b: inout SpecBuilder, _ n0: Int, _ c: Int) -> Int {
        let n1 = reluConvBN(&b, n0, c, k: 3)
        let n2 = b.add(.add, [reluConvBN(&b, n0, c, k: 3), reluConvBN(&b, n1, c, k: 3)])
        return b.add(.add, [n0, reluConvBN(&b, n1, c, k: 3), reluConvBN(&b, n2, c, k: 1)])
    }

    private static func reduction(_ b: inout SpecBuilder, _ x: Int, out c: Int) -> Int {
        let a = reluConvBN(&b, x, c, k: 3, stride: 2)
        let a2 = reluConvBN(&b, a, c, k: 3)
        let pooled = b.add(.avgPool(kernel: 2, stride: 2, padding: 0, countIncludePad: true), [x])
        let shortcut = b.add(.conv(outChannels: c, kernel: 1, stride: 1, padding: 0, dilation: 1, groups: 1, bias: false),
                             [pooled])
        return b.add(.add, [a2, shortcut])
    }

    /// MobileNetV2-style: stem conv3×3 32 (stride 1 for 28×28), inverted residual blocks
    /// (expansion t, channels c, repeats n, stride s) = (1,16,1,1) (6,24,2,2) (6,32,3,2) (6,64,2,2),
    /// head conv1×1 256, global pooling, linear. ReLU6 throughout, as in the paper.
    static func mobileNetV2() -> NetworkSpec {
        var b = SpecBuilder(input: input)
        var x = b.convBN(-1, out: 32, k: 3, act: .relu6)
        var channels = 32
        for (t, c, n, s) in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 2, 2)] {
            for i in 0..<n {
                let stride = i == 0 ? s : 1
                let hidden = channels * t
                var h = x
                if t != 1 { h = b.convBN(h, out: hidden, k: 1, act: .relu6) }
                h = b.convBN(h, out: hidden, k: 3, stride: stride, groups: hidden, act: .relu6)
                h = b.convBN(h, out: c, k: 1, act: nil)
                x = (stride == 1 && channels == c) ? b.add(.add, [h, x]) : h
                channels = c
            }
        }
        x = b.convBN(x, out: 256, k: 1, act: .relu6)
        x = b.add(.globalAvgPool, [x])
        b.add(.linear(outFeatures: 10, bias: true), [x])
        return b.spec()
    }
}
