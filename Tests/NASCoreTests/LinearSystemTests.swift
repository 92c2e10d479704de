import Testing
@testable import NASCore

/// The dense solver against numpy.linalg.
@Suite struct LinearSystemTests {
    static let a: [[Double]] = [[4, 1, 2], [1, 3, 0.5], [2, 0.5, 5]]

    @Test("solve and invert match numpy.linalg.solve and numpy.linalg.inv")
    func matchesNumpy() throws {
        // numpy.linalg.solve(a, [1, 2, 3]) and numpy.linalg.inv(a), numpy 1.26.
        let x = try #require(LinearSystem.solve(Self.a, [1, 2, 3]))
        for (got, want) in zip(x, [-0.2215909090909091, 0.6363636363636364, 0.625]) { #expect(abs(got - want) < 1e-12) }
        let inverse = try #require(LinearSystem.invert(Self.a))
        let want: [[Double]] = [[0.3352272727272727, -0.09090909090909091, -0.125], [-0.09090909090909091, 0.36363636363636365, 0], [-0.125, 0, 0.25]]
        for (row, wantRow) in zip(inverse, want) {
            for (got, w) in zip(row, wantRow) { #expect(abs(got - w) < 1e-12) }
        }
    }

    @Test("a pivot needs the first row swapped away; a singular matrix gives nil")
    func pivotingAndSingular() {
        #expect(LinearSystem.solve([[0, 1], [1, 0]], [2, 3]) == [3, 2])
        #expect(LinearSystem.solve([[1, 2], [2, 4]], [1, 2]) == nil)
        #expect(LinearSystem.invert([[1, 2], [2, 4]]) == nil)
    }
}
