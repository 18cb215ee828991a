import Foundation

/// When a follow-up diagnostic of the same business is due: 6 to 12 months after the first one
/// (`DiagnosticComparison.followUpMonths`), in Nouméa's calendar.
extension DiagnosticComparison {
    /// The earliest and latest dates for a follow-up of a diagnostic closed on `closed`.
    public static func followUpWindow(after closed: Date) -> ClosedRange<Date> {
        let calendar = FrenchDate.calendar
        let earliest = calendar.date(byAdding: .month, value: followUpMonths.lowerBound, to: closed) ?? closed
        let latest = calendar.date(byAdding: .month, value: followUpMonths.upperBound, to: closed) ?? closed
        return earliest...latest
    }

    /// The date to suggest: the window's start, or `today` when that start is already past.
    public static func suggestedFollowUp(after closed: Date, today: Date) -> Date {
        max(followUpWindow(after: closed).lowerBound, today)
    }
}
