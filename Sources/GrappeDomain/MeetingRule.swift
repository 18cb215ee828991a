import Foundation

/// A group's regular meeting, such as « 2e jeudi du mois, 12:00–13:30 »: the first to fourth, or
/// the last, given weekday of every month, at a time of day in Nouméa.
public struct MeetingRule: Equatable, Sendable, Codable {
    public enum Ordinal: Int, CaseIterable, Codable, Sendable {
        case first = 1, second = 2, third = 3, fourth = 4, last = -1

        public var label: String {
            switch self {
            case .first: "1er"
            case .second: "2e"
            case .third: "3e"
            case .fourth: "4e"
            case .last: "dernier"
            }
        }
    }

    /// 1 = Sunday … 7 = Saturday, as Foundation counts.
    public var weekday: Int
    public var ordinal: Ordinal
    /// Minutes after midnight.
    public var start: Int
    public var end: Int

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case badWeekday, badTime, endBeforeStart

        public var description: String {
            switch self {
            case .badWeekday: "Jour de la semaine invalide."
            case .badTime: "Heure invalide (de 00:00 à 23:59)."
            case .endBeforeStart: "L'heure de fin doit suivre l'heure de début."
            }
        }
    }

    public init(ordinal: Ordinal, weekday: Int, start: Int, end: Int) throws(Problem) {
        guard (1...7).contains(weekday) else { throw .badWeekday }
        guard (0..<1440).contains(start), (0..<1440).contains(end) else { throw .badTime }
        guard end > start else { throw .endBeforeStart }
        self.ordinal = ordinal
        self.weekday = weekday
        self.start = start
        self.end = end
    }

    static let weekdayNames = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    static let rruleDays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    public var durationMinutes: Int { end - start }

    /// « 2e jeudi du mois, 12:00–13:30 », « dernier vendredi du mois, 17:30–19:00 ».
    public var label: String {
        "\(ordinal.label) \(Self.weekdayNames[weekday - 1]) du mois, \(Self.clock(start))–\(Self.clock(end))"
    }

    /// The RFC 5545 recurrence: `FREQ=MONTHLY;BYDAY=2TH` or `FREQ=MONTHLY;BYDAY=-1FR`.
    public var rrule: String { "FREQ=MONTHLY;BYDAY=\(ordinal.rawValue)\(Self.rruleDays[weekday - 1])" }

    public static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// Reads "12:00" or "12h30"; nil otherwise.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.lowercased().replacingOccurrences(of: "h", with: ":").split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), (0...23).contains(h) else { return nil }
        let m = parts[1].isEmpty ? 0 : Int(parts[1]) ?? -1
        guard (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    /// The meeting's day in a month, or nil when the month has no such day (never for 1st–4th).
    public func day(year: Int, month: Int) -> Date? {
        let calendar = FrenchDate.calendar
        guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
              let days = calendar.range(of: .day, in: .month, for: first)?.count else { return nil }
        let firstWeekday = calendar.component(.weekday, from: first)
        let firstMatch = 1 + (weekday - firstWeekday + 7) % 7
        let day: Int
        if ordinal == .last {
            day = firstMatch + ((days - firstMatch) / 7) * 7
        } else {
            day = firstMatch + (ordinal.rawValue - 1) * 7
        }
        guard day <= days else { return nil }
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// Start and end of every meeting from `from` (inclusive) to `to` (exclusive), in order.
    public func occurrences(from: Date, to: Date) -> [(start: Date, end: Date)] {
        let calendar = FrenchDate.calendar
        var out: [(Date, Date)] = []
        var cursor = calendar.dateComponents([.year, .month], from: from)
        while let year = cursor.year, let month = cursor.month {
            guard let monthStart = calendar.date(from: DateComponents(year: year, month: month, day: 1)), monthStart < to else { break }
            if let day = day(year: year, month: month) {
                let s = day.addingTimeInterval(Double(start * 60)), e = day.addingTimeInterval(Double(end * 60))
                if s >= from && s < to { out.append((s, e)) }
            }
            cursor = month == 12 ? DateComponents(year: year + 1, month: 1) : DateComponents(year: year, month: month + 1)
        }
        return out
    }
}
