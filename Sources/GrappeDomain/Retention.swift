import Foundation

/// How long personal data is kept (candidates' CVs and applications).
public enum Retention {
    /// Candidate data is deleted 24 months after it was submitted.
    public static let candidateMonths = 24

    /// `from` plus `months` calendar months; a day missing in the target month is clamped
    /// (31 January + 1 month → 28 or 29 February). Pass the Pacific/Noumea calendar.
    public static func expiry(from start: Date, months: Int = candidateMonths, calendar: Calendar) -> Date {
        calendar.date(byAdding: .month, value: months, to: start)
            ?? start.addingTimeInterval(Double(months) * 30.436875 * 86_400)
    }

    /// The oldest start still kept at `now`: what began at or before it has reached its
    /// `months` (`now` minus `months` calendar months, clamped as `expiry` clamps).
    public static func oldestKept(now: Date, months: Int = candidateMonths, calendar: Calendar) -> Date {
        calendar.date(byAdding: .month, value: -months, to: now)
            ?? now.addingTimeInterval(-Double(months) * 30.436875 * 86_400)
    }

    /// Expired from the expiry instant on (`now >= expiry`).
    public static func isExpired(_ expiry: Date, now: Date) -> Bool {
        now >= expiry
    }
}
