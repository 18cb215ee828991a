import Foundation
/// Gap-free yearly numbering of dues: `2025-0001`, `2025-0002`…
public struct DueNumber: Equatable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let sequence: Int

    public init(year: Int, sequence: Int) {
        self.year = year
        self.sequence = sequence
    }

    public var description: String {
        let digits = String(sequence)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let s = Int(parts[1]), s > 0 else { return nil }
        self.init(year: y, sequence: s)
    }

    /// The numbers to give `count` new dues after the highest existing sequence of the year.
    public static func next(year: Int, after highest: Int?, count: Int) -> [DueNumber] {
        let start = (highest ?? 0) + 1
        return (0..<max(0, count)).map { DueNumber(year: year, sequence: start + $0) }
    }

    public static func < (a: DueNumber, b: DueNumber) -> Bool {
        (a.year, a.sequence) < (b.year, b.sequence)
    }
}
