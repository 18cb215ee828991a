import Foundation

/// Dates as the cluster writes them: `jeudi 12 juin 2025`, in Pacific/Noumea (UTC+11, no DST).
public enum FrenchDate {
    public static let timeZone = TimeZone(identifier: "Pacific/Noumea") ?? TimeZone(secondsFromGMT: 11 * 3600)!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "fr_NC")
        return calendar
    }()

    static let weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"]

    public static func monthName(_ month: Int) -> String { months[(month - 1 + 12) % 12] }

    /// "jeudi 12 juin 2025"
    public static func long(_ date: Date) -> String {
        let c = calendar.dateComponents([.weekday, .day, .month, .year], from: date)
        let day = c.day! == 1 ? "1er" : String(c.day!)
        return "\(weekdays[c.weekday! - 1]) \(day) \(months[c.month! - 1]) \(c.year!)"
    }

    /// "12/06/2025"
    /// « juillet 2021 ».
    public static func monthYear(_ date: Date) -> String {
        "\(monthName(month(of: date))) \(year(of: date))"
    }

    public static func short(_ date: Date) -> String {
        let c = calendar.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d/%02d/%04d", c.day!, c.month!, c.year!)
    }

    /// "12/06/2025 à 14:05"
    public static func dateTime(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return short(date) + String(format: " à %02d:%02d", c.hour!, c.minute!)
    }

    /// "2025-06-12", as an HTML date input wants it.
    public static func iso(_ date: Date) -> String {
        let c = calendar.dateComponents([.day, .month, .year], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Reads "2025-06-12" or "12/06/2025" as midnight in Nouméa; nil when not a real date.
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        var parts: [Int]
        if t.contains("-") {
            parts = t.split(separator: "-").compactMap { Int($0) }
        } else {
            parts = t.split(separator: "/").compactMap { Int($0) }.reversed()
        }
        guard parts.count == 3, (1900...2200).contains(parts[0]) else { return nil }
        let comps = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard comps.isValidDate(in: calendar), let date = calendar.date(from: comps) else { return nil }
        return date
    }

    public static func make(_ year: Int, _ month: Int, _ day: Int) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The first instant of `year` and of the next one, in Nouméa: a year as a half-open range.
    public static func yearBounds(_ year: Int) -> (Date, Date) { (make(year, 1, 1), make(year + 1, 1, 1)) }

    public static func year(of date: Date) -> Int { calendar.component(.year, from: date) }
    public static func month(of date: Date) -> Int { calendar.component(.month, from: date) }

    /// Whole days from `from` to `to` in Nouméa (negative if `to` is earlier).
    public static func days(from: Date, to: Date) -> Int {
        let a = calendar.startOfDay(for: from), b = calendar.startOfDay(for: to)
        return calendar.dateComponents([.day], from: a, to: b).day ?? 0
    }
}

extension FrenchDate {
    /// Minutes since midnight in Nouméa.
    public static func minuteOfDay(_ date: Date) -> Int {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return (c.hour ?? 0) * 60 + (c.minute ?? 0)
    }

    /// The day `day` at `minutes` after midnight, in Nouméa.
    public static func at(_ day: Date, minutes: Int) -> Date {
        calendar.startOfDay(for: day).addingTimeInterval(Double(minutes * 60))
    }
}

extension FrenchDate {
    /// "12:00", the time of day in Nouméa.
    public static func clock(_ date: Date) -> String { MeetingRule.clock(minuteOfDay(date)) }
}
