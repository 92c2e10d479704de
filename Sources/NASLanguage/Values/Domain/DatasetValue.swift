import NASCore
import NASTraining

/// A classification data set (train / valid / test parts, normalised) as a language value.
public struct DatasetValue: DomainValue {
    /// The wrapped data set.
    public let dataset: Dataset

    /// Wraps a data set.
    public init(_ dataset: Dataset) {
        self.dataset = dataset
    }

    /// The type name the user sees.
    public var typeName: String { "dataset" }

    /// `dataset digits: 1×8×8, 10 classes, 1257 train / 270 valid / 270 test`.
    public var summary: String { dataset.description }

    /// The summary, then each part's size and class balance.
    public func render(width: Int) -> String {
        var lines = [summary, "  split seed \(dataset.seed); normalised per channel with the training statistics"]
        for (name, part) in [("train", dataset.train), ("valid", dataset.valid), ("test", dataset.test)] {
            lines.append("  \(name.padding(toLength: 6, withPad: " ", startingAt: 0))\(part.count) samples, "
                + "per class \(Self.classCounts(part, classes: dataset.classes))")
        }
        return lines.map { String($0.prefix(max(width, 20))) }.joined(separator: "\n")
    }

    /// Equal when the same samples fall in the same parts (same source, sizes and split seed).
    public func isEqual(to other: any DomainValue) -> Bool {
        (other as? DatasetValue)?.dataset == dataset
    }

    /// The field names, for completion and messages.
    public var memberNames: [String] { ["name", "train", "valid", "test", "shape", "classes", "seed"] }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "name": return .string(dataset.name)
        case "train": return .number(Double(dataset.train.count))
        case "valid": return .number(Double(dataset.valid.count))
        case "test": return .number(Double(dataset.test.count))
        case "shape":
            let s = dataset.shape
            return .list([s.channels, s.height, s.width].map { .number(Double($0)) })
        case "classes": return .number(Double(dataset.classes))
        case "seed": return .number(Double(dataset.seed))
        default: return nil
        }
    }

    /// How many samples of each class a part holds, as `[12, 9, …]`.
    private static func classCounts(_ part: LabeledData, classes: Int) -> String {
        var counts = [Int](repeating: 0, count: classes)
        for label in part.labels where label >= 0 && label < classes { counts[label] += 1 }
        return "[" + counts.map(String.init).joined(separator: ", ") + "]"
    }
}
