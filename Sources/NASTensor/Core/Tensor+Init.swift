import NASCore

extension Tensor {
    /// A parameter drawn from Kaiming (He) normal initialisation, `N(0, 2 / fanIn)`, suited to
    /// layers followed by ReLU.
    public static func kaimingNormal(_ shape: [Int], fanIn: Int, rng: inout SeededRandom, name: String = "") -> Tensor {
        let std = (2.0 / Double(max(fanIn, 1))).squareRoot()
        let t = Tensor(zeros: shape, requiresGrad: true, name: name)
        for i in 0..<t.count { t.data[i] = Float(rng.nextGaussian() * std) }
        return t
    }

    /// A parameter drawn uniformly from `[-bound, bound]`.
    public static func uniform(_ shape: [Int], bound: Double, rng: inout SeededRandom, name: String = "") -> Tensor {
        let t = Tensor(zeros: shape, requiresGrad: true, name: name)
        for i in 0..<t.count { t.data[i] = Float((rng.nextDouble() * 2 - 1) * bound) }
        return t
    }

    /// A parameter filled with one value.
    public static func constant(_ shape: [Int], _ value: Float, requiresGrad: Bool = true, name: String = "") -> Tensor {
        let t = Tensor(zeros: shape, requiresGrad: requiresGrad, name: name)
        t.data.update(repeating: value, count: t.count)
        return t
    }
}
