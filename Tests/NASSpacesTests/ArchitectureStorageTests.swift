import Foundation
import Testing
@testable import NASSpaces

/// `Architecture` keeps small token lists inline and others in an array; neither may show outside.
@Suite struct ArchitectureStorageTests {
    /// Token lists on both sides of every storage boundary: count 16/17, tokens 255/256, negative tokens.
    static let tokenLists: [[Int]] = [
        [], [0], [4, 3, 2, 1, 0, 4], Array(0..<16), Array(0..<17), [255, 0, 255], [256, 0], [-1, 2],
        Array(repeating: 7, count: 46), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 255],
    ]

    @Test("tokens read back as given, one by one and as an array, whatever the storage")
    func tokensRoundTrip() {
        for tokens in Self.tokenLists {
            let a = Architecture(space: "s", tokens: tokens)
            #expect(a.tokens == tokens)
            #expect(a.tokenCount == tokens.count)
            #expect((0..<a.tokenCount).map(a.token(at:)) == tokens)
            #expect(Architecture(spaceName: SpaceName("s"), count: tokens.count) { tokens[$0] } == a)
        }
    }

    @Test("equality and hashing follow the space and the tokens, as for a plain array")
    func equalityFollowsTokens() {
        for x in Self.tokenLists {
            for y in Self.tokenLists {
                let a = Architecture(space: "s", tokens: x), b = Architecture(space: "s", tokens: y)
                #expect((a == b) == (x == y))
                if x == y { #expect(a.hashValue == b.hashValue) }
            }
            #expect(Architecture(space: "s", tokens: x) != Architecture(space: "t", tokens: x))
        }
        var a = Architecture(space: "s", tokens: Array(0..<17))
        a.tokens = [1, 2, 3]
        #expect(a == Architecture(space: "s", tokens: [1, 2, 3]))
        a.tokens[1] = 300
        #expect(a == Architecture(space: "s", tokens: [1, 300, 3]))
        #expect(Set([a, Architecture(space: "s", tokens: [1, 300, 3])]).count == 1)
    }

    @Test("replacing a token changes that token only, across the storage boundary too")
    func replacingToken() {
        for tokens in Self.tokenLists where !tokens.isEmpty {
            let a = Architecture(space: "s", tokens: tokens)
            for i in tokens.indices {
                for t in [0, 5, 255, 256, -3] {
                    var expected = tokens
                    expected[i] = t
                    #expect(a.replacingToken(at: i, with: t) == Architecture(space: "s", tokens: expected))
                }
            }
        }
    }

    @Test("the JSON form is {space, tokens} as before, and reads back")
    func codableFormat() throws {
        for tokens in Self.tokenLists {
            let a = Architecture(space: "nb201", tokens: tokens)
            let data = try JSONEncoder().encode(a)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(Set(object.keys) == ["space", "tokens"])
            #expect(object["space"] as? String == "nb201")
            #expect(object["tokens"] as? [Int] == tokens)
            #expect(try JSONDecoder().decode(Architecture.self, from: data) == a)
        }
        let written = #"{"space":"darts","tokens":[3,1,0,2]}"#
        #expect(try JSONDecoder().decode(Architecture.self, from: Data(written.utf8)) == Architecture(space: "darts", tokens: [3, 1, 0, 2]))
    }

    @Test("space names of any length and script read back, and equal names are equal")
    func spaceNames() {
        for name in ["", "nb201", "fifteen_bytes__", "sixteen_bytes___", "a much longer composed space name", "réseau", "空间"] {
            #expect(SpaceName(name).string == name)
            #expect(SpaceName(name) == SpaceName(String(name)))
            var a = Architecture(space: name, tokens: [1])
            #expect(a.space == name)
            a.space = "other"
            #expect(a.space == "other" && a.spaceName == SpaceName("other"))
        }
        #expect(SpaceName("nb201") != SpaceName("nb2010"))
        #expect(SpaceName("a much longer composed space name") != SpaceName("a much longer composed space nam"))
        #expect(NB201Space.spaceName == SpaceName(NB201Space().name))
    }
}
