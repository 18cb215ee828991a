import Testing
@testable import GrappeDomain

@Suite struct TrustedProxiesTests {
    @Test func rangesAreReadAndBadEntriesNamed() {
        let (proxies, invalid) = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 ::1  fd00::/8,192.168.1.300, 10.0.0.0/33, example.nc")
        #expect(invalid == ["192.168.1.300", "10.0.0.0/33", "example.nc"])
        #expect(proxies.trusts("127.0.0.1"))
        #expect(!proxies.trusts("127.0.0.2"), "a single address is a /32")
        #expect(proxies.trusts("10.200.3.4"))
        #expect(!proxies.trusts("11.0.0.1"))
        #expect(proxies.trusts("::1"))
        #expect(proxies.trusts("[fd12:3456::1]"))
        #expect(!proxies.trusts("fe80::1"))
        #expect(!proxies.trusts("local"), "what is not an address is never trusted")
        #expect(TrustedProxies.parse("").proxies.isEmpty)
    }

    @Test func theHeaderIsBelievedOnlyFromATrustedPeer() {
        let proxies = TrustedProxies.parse("10.0.0.0/8").proxies
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9",
                "a client writing the header itself changes nothing")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["198.51.100.1"]) == "198.51.100.1")
        #expect(TrustedProxies.none.client(peer: "10.0.0.2", forwardedFor: ["198.51.100.1"]) == "10.0.0.2")
    }

    @Test func theWalkStopsAtTheFirstUntrustedHopFromTheRight() {
        let proxies = TrustedProxies.parse("10.0.0.0/8").proxies
        // The client forged a first entry; the proxies appended the real one, then their own.
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 198.51.100.7", "10.0.0.5"]) == "198.51.100.7")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["garbage, 10.0.0.9"]) == "10.0.0.9",
                "a malformed hop stops at the last trusted one, never at what the client wrote")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["2001:db8::5"]) == "2001:db8::5")
    }
}
