import Foundation

/// The official NAS-Bench-201 index order, read once from the shipped resource.
struct NB201IndexTable: Sendable {
    /// Tokens of cell `i`, for every official index `i`.
    let tokens: [[Int]]
    /// Official index by base-5 code of the tokens.
    private let indexByCode: [Int]

    static let shared = NB201IndexTable()

    private init() {
        guard let url = Bundle.module.url(forResource: "Resources/nb201_index", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("naslab is incomplete: the resource nb201_index.txt is missing")
        }
        var tokens: [[Int]] = []
        var indexByCode = [Int](repeating: -1, count: 15_625)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let t = line.utf8.map { Int($0) - 48 }
            indexByCode[NB201IndexTable.code(t)] = tokens.count
            tokens.append(t)
        }
        self.tokens = tokens
        self.indexByCode = indexByCode
    }

    /// The base-5 number of a token list (edge 1←0 most significant).
    static func code(_ tokens: [Int]) -> Int { tokens.reduce(0) { $0 * 5 + $1 } }

    func index(of tokens: [Int]) -> Int { indexByCode[NB201IndexTable.code(tokens)] }
}
