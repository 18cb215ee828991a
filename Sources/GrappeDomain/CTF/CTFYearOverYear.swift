import Foundation

/// An edition's play by challenge category: the solves, and the first bloods (the challenges of
/// that category solved at least once: each has exactly one first solver).
public struct CTFCategoryFigures: Sendable, Equatable {
    public let category: String
    public let solves: Int
    public let firstBloods: Int
    public init(category: String, solves: Int, firstBloods: Int) {
        self.category = category
        self.solves = solves
        self.firstBloods = firstBloods
    }
}

/// Editions side by side: the categories of any of them in one order, and how a figure moved
/// from one edition to the next.
public enum CTFYearOverYear {
    /// Every category played in any edition, the most solved overall first (then by name).
    public static func categories(_ editions: [[CTFCategoryFigures]]) -> [String] {
        var totals: [String: Int] = [:]
        for c in editions.joined() { totals[c.category, default: 0] += c.solves }
        return totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    }

    /// The change from `previous` to `current` in whole percent (+16, −5); nil without an
    /// earlier figure or when it was zero.
    public static func change(from previous: Int?, to current: Int) -> Int? {
        guard let previous, previous > 0 else { return nil }
        return Int((100 * Double(current - previous) / Double(previous)).rounded())
    }

    /// « +16 % », « −5 % », « = » or nil, as the staff's table shows a change.
    public static func changeLabel(from previous: Int?, to current: Int) -> String? {
        guard let c = change(from: previous, to: current) else { return nil }
        return c == 0 ? "=" : c > 0 ? "+\(c) %" : "−\(-c) %"
    }
}
