import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// ENAS: efficient neural architecture search via parameter sharing (Pham et al., ICML 2018).
///
/// Alternates two phases each epoch. The shared weights train on their half of the data, each
/// batch along an architecture drawn from the controller. Then the controller — naslab's REINFORCE
/// LSTM (`Reinforce`), on the same ask/tell protocol as in a black-box search — takes
/// `controller_steps` policy-gradient steps, each rewarded with the supernet's accuracy on a batch
/// of the other half for the architecture it proposed. The derived architecture is the controller's
/// most likely one (greedy decoding).
///
/// The controller chooses the decisions of the space's `controlSpace`: the space's own for most
/// spaces, only the supernet's rows where the supernet holds a slice of the space (the segment
/// space's op choices, its frame fixing the rest), so that every proposal runs on the supernet.
public final class ENAS: OneShotSearch {
    /// The controller.
    let controller: Reinforce
    /// Controller steps per epoch.
    let controllerSteps: Int

    /// An ENAS search on `space` with the data and recipe of `evaluator`.
    public init(space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64,
                controllerSteps: Int = ENAS.entry.integer("controller_steps"),
                controllerRate: Double = ENAS.entry.number("controller_lr"),
                entropyWeight: Double = ENAS.entry.number("entropy")) throws {
        self.controllerSteps = controllerSteps
        let control = (space as? any SupernetSpace)?.controlSpace ?? space
        controller = try Reinforce(space: control, learningRate: controllerRate, entropyWeight: entropyWeight, seed: seed ^ 0xE5A5)
        try super.init(name: "enas", space: space, evaluator: evaluator, seed: seed,
                       settings: ["controller_steps": "\(controllerSteps)", "controller_lr": "\(controllerRate)",
                                  "entropy": "\(entropyWeight)"])
    }

    override func step(_ batch: (x: Tensor, labels: [Int]), search: (x: Tensor, labels: [Int]), lr: Double,
                       rng: inout SeededRandom) throws -> Double {
        let loss = try lossAndBackward(batch, gates: try supernet.gates(for: proposed(controller.draw())), rng: &rng)
        stepWeights(lr: lr)
        return loss
    }

    /// The controller's phase, after the epoch's weight training; then its most likely architecture.
    override func derive() throws -> Architecture {
        let searches = searchBatches()
        var rng = epochRandom()
        for k in 0..<controllerSteps {
            try cancel.check()
            guard let proposal = try controller.ask(1).first else { break }
            let accuracy = try batchAccuracy(try proposed(proposal.architecture), searches[k % searches.count], rng: &rng)
            try controller.tell(proposal, result: TrialResult(metrics: ["accuracy": accuracy]), score: accuracy)
        }
        return try proposed(controller.mostLikely())
    }

    /// The architecture of the space that a controller's proposal (a member of `controlSpace`) stands for.
    private func proposed(_ member: Architecture) throws -> Architecture {
        try supernet.space.architecture(fromControl: member)
    }

    /// The supernet's accuracy on one batch along an architecture's paths (batch statistics, no update).
    private func batchAccuracy(_ architecture: Architecture, _ batch: (x: Tensor, labels: [Int]), rng: inout SeededRandom) throws -> Double {
        let logits = try supernet.forward(batch.x, gates: try supernet.gates(for: architecture), training: true, rng: &rng)
        let correct = zip(logits.argmaxRows(), batch.labels).filter { $0 == $1 }.count
        return Double(correct) / Double(max(batch.labels.count, 1))
    }

    /// Batches of the architecture's half, in a fixed order.
    private func searchBatches() -> [(x: Tensor, labels: [Int])] {
        let loader = BatchLoader()
        var noShuffle: SeededRandom? = nil
        let size = min(recipe.batchSize, searchPart.count)
        return loader.batches(count: searchPart.count, size: size, shuffle: &noShuffle, dropLast: true)
            .prefix(max(controllerSteps, 1)).map { loader.tensor(searchPart, shape: data.shape, indices: $0, augment: &noShuffle) }
    }

    override func methodState() throws -> Data { try controller.checkpoint() }

    override func restoreMethodState(_ state: Data) throws { try controller.restore(from: state) }
}

extension ENAS {
    /// The registry's entry: `enas()`.
    public static let entry = StrategyEntry(
        "enas", summary: "an LSTM controller trained by REINFORCE on shared weights, alternating with weight training",
        help: "ENAS shares one supernet's weights between every architecture. Each epoch, the weights train on half of the "
            + "training data along architectures drawn from an LSTM controller; then the controller takes controller_steps "
            + "REINFORCE steps, each rewarded with the supernet's accuracy on a batch of the other half. Each epoch is one "
            + "trial: the controller's most likely architecture, scored by the supernet.",
        paper: "Pham, Guan, Zoph, Le & Dean, Efficient Neural Architecture Search via Parameter Sharing, ICML 2018",
        parameters: [
            StrategyParameter("controller_steps", 20, minimum: 1, help: "controller updates per epoch"),
            StrategyParameter("controller_lr", 0.0035, integer: false, minimum: 1e-9, help: "Adam learning rate of the controller"),
            StrategyParameter("entropy", 1e-4, integer: false, minimum: 0, help: "weight of the controller's entropy bonus"),
        ], isOneShot: true) { c in
        try ENAS(space: c.space, evaluator: c.evaluator, seed: c.seed, controllerSteps: c.int("controller_steps"),
                 controllerRate: c.double("controller_lr"), entropyWeight: c.double("entropy"))
    }
}
