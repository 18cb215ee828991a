import Foundation

/// One movement read from a bank statement, whatever its format: a credit (positive amount, in
/// XPF) or a debit (negative). `fingerprint` identifies it across imports of the same statement.
public struct StatementLine: Equatable, Sendable {
    public let date: Date
    public let amount: Int
    public let label: String
    public let reference: String
    public let fingerprint: String

    public init(date: Date, amount: Int, label: String, reference: String, fingerprint: String) {
        self.date = date
        self.amount = amount
        self.label = label
        self.reference = reference
        self.fingerprint = fingerprint
    }

    public var isCredit: Bool { amount > 0 }

    /// Fingerprints lines in statement order: the account, date, amount, label and reference,
    /// and how many identical lines came before (two identical transfers on one day stay two
    /// payments), hashed (FNV-1a, 64 bits). The same statement imported again gives the same
    /// fingerprints; lines read from a CFONB file and its CSV export differ.
    public static func fingerprinted(account: String, _ raw: [(date: Date, amount: Int, label: String, reference: String)]) -> [StatementLine] {
        var seen: [String: Int] = [:]
        return raw.map { line in
            let key = [account, FrenchDate.iso(line.date), String(line.amount), TextFolding.fold(line.label), line.reference].joined(separator: "|")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return StatementLine(date: line.date, amount: line.amount, label: line.label, reference: line.reference,
                                 fingerprint: fnv1a("\(key)|\(occurrence)"))
        }
    }

    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Why a statement cannot be read, in French, with the line concerned.
public struct StatementProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
