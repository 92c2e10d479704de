import NASCore

/// One step of a morphism search: the child it kept, what made it, and how it scored.
public struct MorphismStep: Sendable, Hashable {
    /// The step (0: the starting network, trained).
    public var step: Int
    /// Which of the step's children was kept (1-based; 0 for the starting network).
    public var child: Int
    /// The morphisms that made the kept child from the previous step's network, in words.
    public var morphisms: [String]
    /// Trainable parameters of the kept network.
    public var parameters: Int
    /// Its number of layers with weights (convolutions and linear layers).
    public var depth: Int
    /// Its validation accuracy after its short training (what the search maximises).
    public var validAccuracy: Double
    /// Its test accuracy.
    public var testAccuracy: Double
    /// Wall-clock seconds of the step: morphing, training and evaluating every child.
    public var seconds: Double

    /// The steps as a table: step, child, morphisms, params, depth, accuracy, test_accuracy, time.
    public static func table(_ steps: [MorphismStep]) -> Table {
        Table(columns: ["step", "child", "morphisms", "params", "depth", "accuracy", "test_accuracy", "time"],
              rows: steps.map { s in
                  [.number(Quantity(Double(s.step))), .number(Quantity(Double(s.child))),
                   .string(s.morphisms.isEmpty ? "start" : s.morphisms.joined(separator: "; ")),
                   .number(MetricCatalogue.quantity("params", Double(s.parameters))),
                   .number(Quantity(Double(s.depth))),
                   .number(MetricCatalogue.quantity("accuracy", s.validAccuracy)),
                   .number(MetricCatalogue.quantity("test_accuracy", s.testAccuracy)),
                   .number(.seconds(s.seconds))]
              })
    }
}
