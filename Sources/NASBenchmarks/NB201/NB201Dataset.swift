/// The three datasets of NAS-Bench-201 / NATS-Bench.
public enum NB201Dataset: String, Sendable, Hashable, CaseIterable, Codable {
    /// CIFAR-10. Validation results come from the `cifar10-valid` setting (trained on 25k
    /// images, validated on the other 25k); test results from `cifar10` (trained on all 50k).
    case cifar10 = "cifar10"
    /// CIFAR-100; validation and test are the two official halves of the test set.
    case cifar100 = "cifar100"
    /// ImageNet16-120 (16×16 images, 120 classes); validation and test halves as for CIFAR-100.
    case imagenet16 = "imagenet16-120"

    /// The column prefix used in the shipped tables (`c10`, `c100`, `in16`).
    var tag: String {
        switch self {
        case .cifar10: return "c10"
        case .cifar100: return "c100"
        case .imagenet16: return "in16"
        }
    }

    /// Reads a dataset name as users write it (`cifar10`, `CIFAR-100`, `ImageNet16-120`, `in16`).
    public init(name: String) throws {
        let key = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        switch key {
        case "cifar10", "c10": self = .cifar10
        case "cifar100", "c100": self = .cifar100
        case "imagenet16120", "imagenet16", "in16", "imagenet": self = .imagenet16
        default:
            let names = NB201Dataset.allCases.map(\.rawValue)
            throw BenchmarkError("NAS-Bench-201 has no dataset '\(name)'; it has \(names.joined(separator: ", "))"
                + NameSuggestion.hint(for: name, among: names))
        }
    }
}
