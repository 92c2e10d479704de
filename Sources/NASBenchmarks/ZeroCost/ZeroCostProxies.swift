import NASCore

/// NASLib's zero-cost proxy scores (NAS-Bench-Suite-Zero) for the subsets naslab ships,
/// as a queryable table, with each proxy's rank correlation to accuracy.
///
/// Subsets: NAS-Bench-101 CIFAR-10 (500 cells), NAS-Bench-201 CIFAR-10, CIFAR-100 and
/// ImageNet16-120 (491 cells each), NAS-Bench-301 CIFAR-10 (500, accuracies from the NB301
/// surrogate). Table columns: `encoding` (NASLib's), for NB201 also `index` and `arch`, the
/// eleven proxies, and `accuracy` (NASLib's validation accuracy as a fraction). `flops` and
/// `params` are converted from millions to plain counts; the other scores are unitless.
public struct ZeroCostProxies: Sendable {
    /// The proxies NASLib computed, in column order.
    public static let proxies = ["epe_nas", "fisher", "flops", "grad_norm", "grasp", "jacov", "l2_norm", "params", "plain",
                                 "snip", "synflow"]
    /// The (benchmark, dataset) subsets shipped.
    public static let available: [(benchmark: String, dataset: String)] = [
        ("nasbench101", "cifar10"), ("nasbench201", "cifar10"), ("nasbench201", "cifar100"),
        ("nasbench201", "imagenet16-120"), ("nasbench301", "cifar10"),
    ]

    /// `nasbench101`, `nasbench201` or `nasbench301`.
    public let benchmark: String
    /// `cifar10`, `cifar100` or `imagenet16-120`.
    public let dataset: String
    /// The scores, one row per architecture.
    public let table: Table

    /// Loads one subset; `benchmark` also accepts `nb101`, `nb201`, `nb301`.
    public static func load(benchmark: String, dataset: String) throws -> ZeroCostProxies {
        let bench = benchmark.lowercased().replacingOccurrences(of: "nb", with: "nasbench")
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        let set = try dataset.lowercased().hasPrefix("cifar") ? dataset.lowercased() : NB201Dataset(name: dataset).rawValue
        guard available.contains(where: { $0.benchmark == bench && $0.dataset == set }) else {
            let list = available.map { "\($0.benchmark)/\($0.dataset)" }.joined(separator: ", ")
            throw BenchmarkError("NASLib zero-cost scores are shipped for \(list); not for \(benchmark)/\(dataset)")
        }
        let fileName = "naslib_zc_\(bench)_\(set == "imagenet16-120" ? "ImageNet16-120" : set).csv"
        let data = try BundledResource.required(fileName + ".gz")
        let document = try CSVDocument(benchmarkText: String(decoding: data, as: UTF8.self), source: fileName)
        return ZeroCostProxies(benchmark: bench, dataset: set, table: try table(from: document))
    }

    /// Spearman ρ and Kendall τ-b of each proxy with `accuracy`: columns `proxy`, `spearman`,
    /// `kendall`, `n` (number of architectures).
    public func correlations() -> Table {
        guard let accuracyColumn = table.columnIndex("accuracy") else { return Table(columns: ["proxy", "spearman", "kendall", "n"]) }
        let accuracy = table.rows.map { $0[accuracyColumn].doubleValue ?? .nan }
        let rows = ZeroCostProxies.proxies.compactMap { proxy -> [Cell]? in
            guard let j = table.columnIndex(proxy) else { return nil }
            let scores = table.rows.map { $0[j].doubleValue ?? .nan }
            let cell = { (value: Double?) in value.map { Cell.number(.scalar($0)) } ?? .null }
            return [.string(proxy), cell(RankCorrelation.spearman(scores, accuracy)),
                    cell(RankCorrelation.kendallTauB(scores, accuracy)), .number(.scalar(Double(scores.count)))]
        }
        return Table(columns: ["proxy", "spearman", "kendall", "n"], rows: rows)
    }

    /// Converts NASLib's CSV columns into naslab's names and base units.
    private static func table(from document: CSVDocument) throws -> Table {
        var columns: [(source: String, name: String, convert: (String) throws -> Cell)] = [("naslib_encoding", "encoding", { .string($0) })]
        if document.header.contains("nb201_index") {
            columns.append(("nb201_index", "index", { .number(.scalar(try number($0))) }))
            columns.append(("arch_str", "arch", { .string($0) }))
        }
        for proxy in proxies {
            let scale = proxy == "flops" || proxy == "params" ? 1e6 : 1
            let hint: DisplayHint = scale == 1 ? .plain : .count
            columns.append((proxy, proxy, { .number(Quantity(try number($0) * scale, hint: hint)) }))
        }
        columns.append(("val_accuracy", "accuracy", { .number(.fraction(try number($0) / 100)) }))
        let positions = try columns.map { try document.requiredColumn($0.source) }
        let rows = try document.records.map { record in
            try zip(columns, positions).map { column, j in
                do { return try column.convert(record[j]) } catch {
                    throw BenchmarkError("column '\(column.source)': '\(record[j])' is not a number",
                                         file: document.source, line: record.line)
                }
            }
        }
        return Table(columns: columns.map(\.name), rows: rows)
    }

    /// A plain decimal number.
    private static func number(_ text: String) throws -> Double {
        guard let value = Double(text) else { throw BenchmarkError("'\(text)' is not a number") }
        return value
    }
}
