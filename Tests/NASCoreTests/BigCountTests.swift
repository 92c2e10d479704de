import Testing
@testable import NASCore

/// BigCount against Python's exact integers (values computed with `python3 -c`).
@Suite struct BigCountTests {
    @Test func ofaSizeMatchesPythonExactProduct() {
        // python3 -c "p=9**2+9**3+9**4; print(p, p**5, p**5*25)"
        let perUnit = BigCount(9).power(2) + BigCount(9).power(3) + BigCount(9).power(4)
        #expect(perUnit.description == "7371")
        #expect(perUnit.power(5).description == "21758655492572485851")
        #expect((perUnit.power(5) * BigCount(25)).description == "543966387314312146275")
    }

    @Test func decimalRoundTripOfLargePowers() {
        #expect(BigCount(2).power(100).description == "1267650600228229401496703205376")
        #expect(BigCount(10).power(30).description == "1000000000000000000000000000000")
        #expect(BigCount(0 as UInt64).description == "0")
        #expect((BigCount(UInt64.max) + BigCount(1)).description == "18446744073709551616")
    }

    @Test func comparisonAndIntConversion() {
        #expect(BigCount(5) < BigCount(7))
        #expect(BigCount(2).power(64) > BigCount(UInt64.max))
        #expect(BigCount(15_625).intValue == 15_625)
        #expect(BigCount(2).power(70).intValue == nil)
    }
}
