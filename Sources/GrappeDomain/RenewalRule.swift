import Foundation

/// Who is renewed for year N+1 and who lapses. A company's membership of N decides: an active
/// member is renewed; a resigned, lapsed or candidate one is left out, with the reason shown in
/// the campaign's preview.
///
/// Lapse: by the lapse date of N+1 a renewed company must have said yes, either by confirming its
/// renewal (the member contact's click) or by paying any part of its N+1 due. An issued due alone
/// is not a yes: the campaign issues it to every active member, so it says nothing of the
/// member's will; a confirmation or a payment does. A company with neither is lapsed.
public enum RenewalRule {
    /// Why a company with this membership status in N is not renewed, or nil when it is.
    public static func leftOutReason(_ status: MembershipStatus) -> String? {
        switch status {
        case .active: nil
        case .resigned: "a démissionné"
        case .lapsed: "non renouvelée (radiée)"
        case .candidate: "candidature non admise"
        }
    }

    /// Whether a company renewed for N+1 has said yes by now.
    public static func hasRenewed(confirmed: Bool, paid: Int) -> Bool { confirmed || paid > 0 }

    /// The lapse date of `year`, from the settings' day and month (31 February → 28 or 29).
    public static func lapseDate(year: Int, month: Int, day: Int, calendar: Calendar) -> Date {
        let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date(timeIntervalSince1970: 0)
        let days = calendar.range(of: .day, in: .month, for: first)?.count ?? 28
        return calendar.date(byAdding: .day, value: min(max(day, 1), days) - 1, to: first) ?? first
    }

    /// What the hourly job does today for a company not renewed: nothing yet, the reminder
    /// (from `reminderDays` before the lapse date), or the lapse (the day after the lapse date).
    public enum Step: Equatable, Sendable { case wait, remind, lapse }

    public static func step(today: Date, lapseDate: Date, reminderDays: Int, calendar: Calendar) -> Step {
        let end = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: lapseDate)) ?? lapseDate
        if today >= end { return .lapse }
        let remindFrom = calendar.date(byAdding: .day, value: -reminderDays, to: end) ?? end
        return today >= remindFrom ? .remind : .wait
    }
}
