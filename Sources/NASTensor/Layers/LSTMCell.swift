import Foundation
import NASCore

/// A long short-term memory cell (Hochreiter & Schmidhuber), as the RL controller uses it.
///
/// `gates = x·W_ihᵀ + h·W_hhᵀ + b`, split into input, forget, cell and output gates
/// (PyTorch's order `i, f, g, o`); `c' = f⊙c + i⊙g`, `h' = o⊙tanh(c')`. Built from the
/// differentiable ops, so its gradient needs no code of its own.
public final class LSTMCell {
    /// Input and hidden sizes.
    public let inputSize: Int, hiddenSize: Int
    /// `[4·hidden, input]`.
    public let weightIH: Tensor
    /// `[4·hidden, hidden]`.
    public let weightHH: Tensor
    /// `[4·hidden]`.
    public let bias: Tensor

    /// Creates a cell with weights uniform in `±1/√hidden` (PyTorch's default).
    public init(inputSize: Int, hiddenSize: Int, rng: inout SeededRandom) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        let bound = 1 / Double(hiddenSize).squareRoot()
        weightIH = Tensor.uniform([4 * hiddenSize, inputSize], bound: bound, rng: &rng, name: "lstm.w_ih")
        weightHH = Tensor.uniform([4 * hiddenSize, hiddenSize], bound: bound, rng: &rng, name: "lstm.w_hh")
        bias = Tensor.uniform([4 * hiddenSize], bound: bound, rng: &rng, name: "lstm.b")
    }

    /// The trainable tensors.
    public var parameters: [Tensor] { [weightIH, weightHH, bias] }

    /// One step: from input `[n, input]` and state `(h, c)`, each `[n, hidden]`, to the new state.
    public func callAsFunction(_ x: Tensor, state: (h: Tensor, c: Tensor)) throws -> (h: Tensor, c: Tensor) {
        let gates = try x.linear(weight: weightIH, bias: bias) + state.h.linear(weight: weightHH)
        let h = hiddenSize
        let i = try gates.sliceChannels(start: 0, count: h).sigmoid()
        let f = try gates.sliceChannels(start: h, count: h).sigmoid()
        let g = try gates.sliceChannels(start: 2 * h, count: h).tanh()
        let o = try gates.sliceChannels(start: 3 * h, count: h).sigmoid()
        let c = try f.mul(state.c) + i.mul(g)
        return (try o.mul(c.tanh()), c)
    }

    /// A zero state for a batch of `n`.
    public func zeroState(batch n: Int) -> (h: Tensor, c: Tensor) {
        (Tensor(zeros: [n, hiddenSize]), Tensor(zeros: [n, hiddenSize]))
    }
}
