import NASCore
import NASSpaces

/// A small space of `length` decisions with `options` choices each, using only the generic defaults.
struct ToySpace: SearchSpace {
    var length: Int
    var options: Int

    var name: String { "toy" }
    var decisions: [Decision] {
        (0..<length).map { d in Decision(name: "d\(d)", options: (0..<options).map { "o\($0)" }) }
    }
    func canonical(_ architecture: Architecture) -> String { architecture.tokens.map(String.init).joined(separator: "-") }
    func parse(_ text: String) throws -> Architecture {
        Architecture(space: name, tokens: text.split(separator: "-").compactMap { Int($0) })
    }
    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        throw SpaceError("toy space has no network")
    }
}
