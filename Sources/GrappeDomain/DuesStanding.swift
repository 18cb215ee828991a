import Foundation

/// Whether a member company is up to date with its dues, for the services reserved to such
/// members (the candidate pool). It needs an active membership of this year or last year with a
/// due, and each such due paid in full or not yet overdue: a member keeps its services until a
/// due's date plus a grace period. So a new call (SKAZY's 2026 due, payable by 31/12/2026) takes
/// nothing away from a member paid for 2025, and gives nothing back to one that left 2025 unpaid.
/// A company lapsed or resigned for that year or a later one has no standing.
public enum DuesStanding {
    public struct Line: Sendable, Equatable {
        public let year: Int
        public let active: Bool
        public let dueAmount: Int?
        public let paid: Int
        public let dueOn: Date?
        public let dueID: UUID?
        /// Lapsed or resigned: the company left that year.
        public let ended: Bool

        public init(year: Int, active: Bool, dueAmount: Int?, paid: Int, dueOn: Date? = nil, dueID: UUID? = nil, ended: Bool = false) {
            self.year = year; self.active = active; self.dueAmount = dueAmount; self.paid = paid
            self.dueOn = dueOn; self.dueID = dueID; self.ended = ended
        }
    }

    /// Why a company may or may not use the members' services.
    public enum Verdict: Sendable, Equatable {
        case upToDate
        /// No active membership with a due for this year or last year.
        case noMembership
        /// The current due is unpaid past its due date and the grace period.
        case overdue(year: Int, dueID: UUID?, dueOn: Date, balance: Int)

        public var isUpToDate: Bool { self == .upToDate }
    }

    public static func verdict(_ lines: [Line], currentYear: Int, today: Date, graceDays: Int, calendar: Calendar) -> Verdict {
        let candidates = lines.filter { $0.active && $0.dueAmount != nil && $0.year >= currentYear - 1 }
        guard let current = candidates.max(by: { $0.year < $1.year }) else { return .noMembership }
        // Lapsed or resigned for the current due's year or after: the company has left.
        if lines.contains(where: { $0.ended && $0.year >= current.year }) { return .noMembership }
        // Every due of the window paid, or not yet past its date plus the grace period.
        for line in candidates.sorted(by: { $0.year < $1.year }) {
            guard let amount = line.dueAmount, line.paid < amount, let dueOn = line.dueOn else { continue }
            let start = calendar.startOfDay(for: dueOn)
            let end = calendar.date(byAdding: .day, value: max(0, graceDays) + 1, to: start) ?? start
            if today >= end { return .overdue(year: line.year, dueID: line.dueID, dueOn: dueOn, balance: amount - line.paid) }
        }
        return .upToDate
    }

    /// The fee a company applying today would pay: the bracket's yearly amount, reduced by
    /// the schedule's pro-rata rule for the month it joins.
    public static func quote(grid: FeeGrid, rule: ProRataRule, category: MembershipCategory, headcount: Int, joinMonth: Int) -> (bracket: FeeBracket, amount: Int)? {
        guard let bracket = grid.bracket(for: category, headcount: headcount) else { return nil }
        return (bracket, rule.amount(yearly: bracket.amount, joinMonth: joinMonth > 1 ? joinMonth : nil))
    }
}
