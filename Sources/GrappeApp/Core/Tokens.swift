import Crypto
import Foundation
import GrappeDomain

/// Random secrets and their hashes.
enum Tokens {
    /// URL-safe random text with `bytes` bytes of entropy.
    static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex of the SHA-256 of `text`. Written out by hand: `String(format:)` per byte
    /// was 7 % of the CPU of a flag storm, where every request hashes its API token.
    static func sha256(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        ConstantTime.equal(Array(a.utf8), Array(b.utf8))
    }

    /// A code people type: 8 capitals and digits without the look-alikes (0/O, 1/I/L).
    static func typable(length: Int = 8) -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
