import Foundation

/// The official NAS-Bench-201 index order, read once from the shipped resource.
final class NB201IndexTable: Sendable {
    /// Tokens of cell `i`, for every official index `i`.
    let tokens: [[Int]]
    /// Official index by base-5 code of the tokens.
    private let indexByCode: [Int]
    /// Base-5 code by canonical benchmark string, for fast parsing.
    private let codeByString: [String: Int]

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
        codeByString = Dictionary(uniqueKeysWithValues: tokens.map { (NB201IndexTable.canonical($0), NB201IndexTable.code($0)) })
    }

    /// The benchmark string of a token list.
    static func canonical(_ t: [Int]) -> String {
        let o = t.map { NB201Space.operations[$0] }
        return "|\(o[0])~0|+|\(o[1])~0|\(o[2])~1|+|\(o[3])~0|\(o[4])~1|\(o[5])~2|"
    }

    /// The code of an exact canonical string, or nil.
    func code(ofCanonical text: String) -> Int? { codeByString[text] }

    /// The tokens of a base-5 code.
    func tokens(ofCode code: Int) -> [Int] {
        var c = code
        var t = [Int](repeating: 0, count: 6)
        for i in stride(from: 5, through: 0, by: -1) {
            t[i] = c % 5
            c /= 5
        }
        return t
    }

    /// The base-5 number of a token list (edge 1←0 most significant).
    static func code(_ tokens: [Int]) -> Int { tokens.reduce(0) { $0 * 5 + $1 } }

    func index(of tokens: [Int]) -> Int { indexByCode[NB201IndexTable.code(tokens)] }

    /// The official index of a base-5 code (0..<15,625).
    func index(ofCode code: Int) -> Int { indexByCode[code] }
}
