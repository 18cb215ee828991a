import Foundation

/// The structured payment reference of a due, `OPEN-2026-0042-K`: the cluster's prefix, the due
/// number and a check character (Luhn mod 36 over the letters and digits), so that a reference
/// mistyped on a transfer — one character changed, two neighbours swapped — is detected rather
/// than matched to another due.
public struct PaymentReference: Equatable, Sendable, CustomStringConvertible {
    public let prefix: String
    public let number: DueNumber

    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    public init(prefix: String, number: DueNumber) {
        self.prefix = Self.prefix(from: prefix)
        self.number = number
    }

    /// The prefix drawn from a name: the letters and digits of its first word, upper case, at
    /// most eight (« OPEN NC » → `OPEN`); `COTIS` when nothing is left.
    public static func prefix(from name: String) -> String {
        let word = TextFolding.fold(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map(String.init) ?? ""
        let kept = String(word.uppercased().filter { alphabet.contains($0) }.prefix(8))
        return kept.isEmpty ? "COTIS" : kept
    }

    /// The characters the check covers: prefix, year and four-digit sequence, without separators.
    var payload: String { prefix + String(number.year) + String(number.description.split(separator: "-")[1]) }

    public var check: Character { Self.checkCharacter(payload) }

    public var description: String { "\(prefix)-\(number)-\(check)" }

    /// Luhn mod 36: detects every single changed character and nearly every swap of two neighbours.
    static func checkCharacter(_ payload: String) -> Character {
        let n = alphabet.count
        var factor = 2
        var sum = 0
        for char in payload.reversed() {
            guard let code = alphabet.firstIndex(of: char) else { continue }
            var addend = factor * code
            factor = factor == 2 ? 1 : 2
            addend = addend / n + addend % n
            sum += addend
        }
        return alphabet[(n - sum % n) % n]
    }

    /// What a bank label says about a reference with this prefix.
    public enum Found: Equatable, Sendable {
        case reference(PaymentReference)
        /// The shape of a reference whose check character is wrong: a typing mistake.
        case mistyped(String)
        case none
    }

    /// Looks for a reference in free text (a bank label), whatever the separators or case the bank
    /// kept: `OPEN-2026-0042-K`, `open 2026 0042 k`, `OPEN20260042K`.
    public static func find(in text: String, prefix: String) -> Found {
        let prefix = Self.prefix(from: prefix)
        let compact = Array(TextFolding.fold(text).uppercased().filter { alphabet.contains($0) })
        let head = Array(prefix)
        guard compact.count >= head.count + 9 else { return .none }
        var mistyped: String?
        var start = 0
        while start + head.count + 9 <= compact.count {
            if Array(compact[start..<(start + head.count)]) == head {
                let rest = compact[(start + head.count)..<(start + head.count + 9)]
                let digits = String(rest.prefix(8))
                if digits.allSatisfy(\.isNumber), let year = Int(digits.prefix(4)), let sequence = Int(digits.suffix(4)), sequence > 0 {
                    let reference = PaymentReference(prefix: prefix, number: DueNumber(year: year, sequence: sequence))
                    if reference.check == rest.last! { return .reference(reference) }
                    mistyped = mistyped ?? "\(prefix)-\(digits.prefix(4))-\(digits.suffix(4))-\(rest.last!)"
                }
            }
            start += 1
        }
        return mistyped.map { .mistyped($0) } ?? .none
    }
}
