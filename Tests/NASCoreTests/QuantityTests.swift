import Foundation
import Testing
@testable import NASCore

@Suite struct QuantityTests {
    @Test func printsInTheLargestFittingUnit() {
        #expect(Quantity.seconds(0.02).description == "20ms")
        #expect(Quantity.seconds(1.5).description == "1.5s")
        #expect(Quantity.seconds(3e-6).description == "3us")
        #expect(Quantity.bytes(64e6).description == "64MB")
        #expect(Quantity(3.5e6, hint: .count).description == "3.5M")
        #expect(Quantity.fraction(0.9437).description == "94.37%")
        #expect(Quantity.scalar(0.1).description == "0.1")
        #expect(Quantity.scalar(15625).description == "15625")
    }

    @Test func gzipRoundTripsAndRejectsTruncation() throws {
        let text = Data(String(repeating: "naslab ", count: 1000).utf8)
        let packed = try Gzip.compress(text)
        #expect(Gzip.isGzip(packed))
        #expect(packed.count < text.count / 10)
        #expect(try Gzip.decompress(packed) == text)
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(packed.prefix(packed.count / 2)) }
    }
}
