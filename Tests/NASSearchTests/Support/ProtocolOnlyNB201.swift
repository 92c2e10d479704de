import NASCore
import NASSpaces

/// NB201's cell space behind a type strategies do not know, so that they sample and mutate it through the protocol.
struct ProtocolOnlyNB201: SearchSpace {
    let base = NB201Space()

    var name: String { base.name }
    var decisions: [Decision] { base.decisions }
    func canonical(_ architecture: Architecture) -> String { base.canonical(architecture) }
    func parse(_ text: String) throws -> Architecture { try base.parse(text) }
    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try base.network(architecture, input: input, classes: classes)
    }
    func sample(using rng: inout SeededRandom) -> Architecture { base.sample(using: &rng) }
    func mutate(_ architecture: Architecture, using rng: inout SeededRandom) -> Architecture {
        base.mutate(architecture, using: &rng)
    }
}
