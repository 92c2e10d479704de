import NASCore
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    // Digests from Python's hashlib (an independent implementation), covering the padding edge
    // cases (55, 56 and 64 bytes), several blocks, and multi-byte UTF-8.
    @Test("matches hashlib on the FIPS vectors and padding edge cases", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ("naslab ✓ ünïcode", "aa58d60ff47b77d9bd45ee8cf67cc0ebbfa10b544ade7f9582c626639023e4b7"),
        (String(repeating: "x", count: 55), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (String(repeating: "y", count: 56), "4877e564e5e36e367c7c8d59670774becd3350610b6df4c399c9fa9b66da5813"),
        (String(repeating: "z", count: 64), "72996563049cc84daa2c3f31fd5c3d10770e69d6ebbb8da5b6d76db303dbae43"),
    ])
    func digest(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }
}
