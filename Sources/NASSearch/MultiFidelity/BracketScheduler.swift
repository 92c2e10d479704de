import NASCore
import NASSpaces

/// The ask/tell state machine shared by successive halving, Hyperband and BOHB.
///
/// It runs brackets of a `BudgetLadder` one rung at a time: hands out the rung's architectures
/// at the rung's epochs, waits for all their results, promotes the best to the next rung, and
/// moves to the next bracket after the last rung. Which brackets run, in which order, and how
/// new architectures are drawn is up to the strategy using it.
struct BracketScheduler: Codable {
    var ladder: BudgetLadder
    /// The bracket indices `s` to cycle through.
    var order: [Int]
    var rng: SeededRandom
    var counter = ProposalCounter()
    /// Everything told so far, at every fidelity.
    var observations: [Observation] = []
    var bracketsStarted = 0
    var rungIndex = 0
    var rungs: [BudgetLadder.Rung] = []
    var members: [Architecture] = []
    var asked = 0
    var scores: [Int: Double] = [:]
    var memberOfProposal: [Int: Int] = [:]

    /// The bracket being run (`nil` before the first ask).
    var currentBracket: Int? { bracketsStarted == 0 ? nil : order[(bracketsStarted - 1) % order.count] }

    /// Up to `count` proposals of the current rung; starts a bracket with `draw` when none is running.
    mutating func ask(_ count: Int, draw: (inout SeededRandom, [Observation], Int) -> Architecture) -> [Proposal] {
        if rungs.isEmpty { startBracket(draw: draw) }
        var out: [Proposal] = []
        while out.count < count, asked < members.count {
            let p = counter.propose(members[asked], fidelity: Fidelity(epochs: rungs[rungIndex].epochs))
            memberOfProposal[p.id] = asked
            asked += 1
            out.append(p)
        }
        return out
    }

    /// Records a result; promotes when the rung is complete.
    mutating func tell(_ proposal: Proposal, score: Double, strategy: String) throws {
        try counter.resolve(proposal, strategy: strategy)
        observations.append(Observation(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score))
        guard let member = memberOfProposal.removeValue(forKey: proposal.id) else { return }
        scores[member] = score
        if scores.count == members.count { promote() }
    }

    private mutating func startBracket(draw: (inout SeededRandom, [Observation], Int) -> Architecture) {
        let s = order[bracketsStarted % order.count]
        bracketsStarted += 1
        rungs = ladder.bracket(s)
        rungIndex = 0
        members = (0..<rungs[0].count).map { _ in draw(&rng, observations, ladder.maxEpochs) }
        asked = 0
        scores = [:]
    }

    /// Keeps the best `count` of the next rung, or ends the bracket.
    private mutating func promote() {
        let next = rungIndex + 1
        guard next < rungs.count else {
            rungs = []
            members = []
            return
        }
        let ranked = members.indices.sorted { (scores[$0] ?? -.infinity) > (scores[$1] ?? -.infinity) }
        members = ranked.prefix(rungs[next].count).map { members[$0] }
        rungIndex = next
        asked = 0
        scores = [:]
    }
}
