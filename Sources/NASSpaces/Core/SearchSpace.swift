import NASCore

/// A set of architectures and the operations that strategies, evaluators and users need.
///
/// A space is a fixed list of categorical decisions. Generic implementations of sampling,
/// mutation, neighbours, crossover, enumeration and one-hot encoding come from that list;
/// a space overrides them where its structure needs more (valid-only sampling, isomorphism,
/// depth-aware mutation).
public protocol SearchSpace: Sendable {
    /// The space's name as the language shows it (`nb201`, `ofa`, ...).
    var name: String { get }
    /// The decisions, in token order.
    var decisions: [Decision] { get }
    /// The decisions as a person sees them: each with the options this space really offers (a
    /// profiled space offers fewer than the decisions its tokens index). By default `decisions`.
    var offeredDecisions: [Decision] { get }
    /// The exact number of distinct architectures (respecting structural constraints).
    var size: BigCount { get }

    /// Whether `tokens` form a valid member (right length, indices in range, constraints met).
    func validate(_ architecture: Architecture) throws
    /// The canonical text form; `parse(canonical(a)) == a` after normalisation.
    func canonical(_ architecture: Architecture) -> String
    /// Reads an architecture from its canonical text form; throws `SpaceError` naming the bad part.
    func parse(_ text: String) throws -> Architecture
    /// A key that is equal for isomorphic architectures (default: the canonical form).
    func identity(_ architecture: Architecture) -> String

    /// A uniformly random member.
    func sample(using rng: inout SeededRandom) -> Architecture
    /// A local change: one decision changed (spaces with depth add or remove a layer, etc.).
    func mutate(_ architecture: Architecture, using rng: inout SeededRandom) -> Architecture
    /// All architectures one local change away.
    func neighbors(_ architecture: Architecture) -> [Architecture]
    /// A child taking each decision from one of two parents.
    func crossover(_ a: Architecture, _ b: Architecture, using rng: inout SeededRandom) -> Architecture
    /// Every member, when the space has at most `limit` of them; throws otherwise.
    func enumerate(limit: Int) throws -> [Architecture]
    /// The architecture with every choice whose work the output does not depend on set to the
    /// space's no-op (default: unchanged): what a device that drops dead layers runs. NB201 sets
    /// the edges into a node that reaches no output to `none`.
    func pruned(_ architecture: Architecture) -> Architecture
    /// A numeric vector for predictors.
    func encode(_ architecture: Architecture, as encoding: ArchitectureEncoding) throws -> [Double]

    /// The layer-level network for an input shape (channels, height, width) and class count.
    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec

    /// The input shape the space was designed for (default 3×32×32, CIFAR).
    var defaultInput: TensorShape { get }
    /// The class count the space was designed for (default 10).
    var defaultClasses: Int { get }
    /// A readable multi-line terminal diagram of an architecture.
    func diagram(_ architecture: Architecture) -> String
    /// Graphviz `dot` text of an architecture's graph.
    func dot(_ architecture: Architecture) -> String
    /// One paragraph saying what the space is (default: none).
    var help: String { get }
    /// The paper the space comes from (default: none).
    var paper: String { get }
}
