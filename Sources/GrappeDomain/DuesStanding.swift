/// Whether a member company is up to date with its dues, for the services reserved to such
/// members (the candidate pool). The company's latest membership must be active, for this year
/// or last year (last year's counts until the new call is paid), with its due paid in full.
public enum DuesStanding {
    public struct Line: Sendable, Equatable {
        public let year: Int
        public let active: Bool
        public let dueAmount: Int?
        public let paid: Int

        public init(year: Int, active: Bool, dueAmount: Int?, paid: Int) {
            self.year = year; self.active = active; self.dueAmount = dueAmount; self.paid = paid
        }
    }

    public static func isUpToDate(_ lines: [Line], currentYear: Int) -> Bool {
        guard let latest = lines.max(by: { $0.year < $1.year }) else { return false }
        guard latest.active, latest.year >= currentYear - 1, let amount = latest.dueAmount else { return false }
        return latest.paid >= amount
    }

    /// The fee a company applying today would pay: the bracket's yearly amount, reduced by
    /// the schedule's pro-rata rule for the month it joins.
    public static func quote(grid: FeeGrid, rule: ProRataRule, category: MembershipCategory, headcount: Int, joinMonth: Int) -> (bracket: FeeBracket, amount: Int)? {
        guard let bracket = grid.bracket(for: category, headcount: headcount) else { return nil }
        return (bracket, rule.amount(yearly: bracket.amount, joinMonth: joinMonth > 1 ? joinMonth : nil))
    }
}
