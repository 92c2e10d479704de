import NASCore
import NASSpaces

/// A minimal space for tests: `count` decisions of `options` choices, canonical form = the digits.
struct TokenSpace: SearchSpace {
    var name: String
    var count: Int
    var options: Int

    var decisions: [Decision] { (0..<count).map { Decision(name: "d\($0)", options: (0..<options).map(String.init)) } }

    func canonical(_ architecture: Architecture) -> String { architecture.tokens.map(String.init).joined() }

    func parse(_ text: String) throws -> Architecture {
        let tokens = text.map { Int(String($0)) ?? -1 }
        let architecture = Architecture(space: name, tokens: tokens)
        try validate(architecture)
        return architecture
    }

    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        throw SpaceError("no network")
    }
}
