import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reverse proxies whose `X-Forwarded-For` is believed (`GRAPPE_TRUSTED_PROXIES`: addresses
/// or CIDR ranges, IPv4 or IPv6, separated by commas or spaces). Without it the header is
/// ignored: anyone could write it and pick the address their attempts are counted under.
/// Written by hand with `inet_pton` (no listed package parses CIDR ranges).
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var left = prefix
            for (a, b) in zip(address, bytes) where left > 0 {
                let bits = min(8, left)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if a & mask != b & mask { return false }
                left -= bits
            }
            return true
        }
    }

    let ranges: [Range]

    public static let none = TrustedProxies(ranges: [])

    public var isEmpty: Bool { ranges.isEmpty }

    /// Reads the setting; the entries that cannot be read, for a loud error at start.
    public static func parse(_ text: String) -> (proxies: TrustedProxies, invalid: [String]) {
        var ranges: [Range] = [], invalid: [String] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = address(parts[0]) else { invalid.append(entry); continue }
            let width = bytes.count * 8
            guard let prefix = parts.count == 2 ? Int(parts[1]) : width, (0...width).contains(prefix) else { invalid.append(entry); continue }
            ranges.append(Range(bytes: bytes, prefix: prefix))
        }
        return (TrustedProxies(ranges: ranges), invalid)
    }

    public func trusts(_ address: String) -> Bool {
        guard let bytes = Self.address(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client's address: the peer itself unless it is a trusted proxy; then, reading
    /// `X-Forwarded-For` from the right (each proxy appends the address it received from), the
    /// first address that is not a trusted proxy. A malformed entry stops the walk at the last
    /// trusted hop, never at a value the client wrote.
    public func client(peer: String, forwardedFor headers: [String]) -> String {
        guard trusts(peer) else { return peer }
        let hops = headers.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            guard Self.address(hop) != nil else { return client }
            client = hop
            if !trusts(hop) { return hop }
        }
        return client
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 address (brackets allowed around IPv6).
    static func address(_ text: String) -> [UInt8]? {
        var t = text
        if t.hasPrefix("["), t.hasSuffix("]") { t = String(t.dropFirst().dropLast()) }
        if t.contains(":") {
            var a = in6_addr()
            guard inet_pton(AF_INET6, t, &a) == 1 else { return nil }
            return withUnsafeBytes(of: &a) { Array($0) }
        }
        var a = in_addr()
        guard inet_pton(AF_INET, t, &a) == 1 else { return nil }
        return withUnsafeBytes(of: &a) { Array($0) }
    }
}
