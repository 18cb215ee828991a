import Testing
@testable import GrappeApp

/// API tokens are stored as the hex of their SHA-256: the digest must be the standard one, or
/// tokens issued before a change would stop working.
@Suite struct TokensTests {
    @Test func theHashIsTheStandardLowerCaseHexDigest() {
        #expect(Tokens.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "FIPS 180-2's example")
        #expect(Tokens.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Tokens.sha256("é") != Tokens.sha256("e"))
    }
}
