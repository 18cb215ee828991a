import Foundation

/// The kinds of groups a cluster runs.
public enum GroupKind: String, CaseIterable, Codable, Sendable {
    case board, bureau, commission, club

    public var label: String {
        switch self {
        case .board: "Conseil d'administration"
        case .bureau: "Bureau"
        case .commission: "Commission"
        case .club: "Club"
        }
    }
}

/// A role held by a mandate on the board or the bureau.
public enum MandateRole: String, CaseIterable, Codable, Sendable {
    case president, vicePresident = "vice_president", treasurer, deputyTreasurer = "deputy_treasurer"
    case secretaryGeneral = "secretary_general", director, honorary

    public var label: String {
        switch self {
        case .president: "Président"
        case .vicePresident: "Vice-président"
        case .treasurer: "Trésorier"
        case .deputyTreasurer: "Trésorier adjoint"
        case .secretaryGeneral: "Secrétaire général"
        case .director: "Administrateur"
        case .honorary: "Membre d'honneur"
        }
    }

    /// Honorary members sit without a vote (statutes, article 10).
    public var votes: Bool { self != .honorary }

    /// Order in which roles are listed.
    public var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// Mandate terms: elected at a general assembly for a number of years.
public enum MandateTerm {
    public static let defaultYears = 3

    public static func end(electedOn: Date, years: Int) -> Date {
        FrenchDate.calendar.date(byAdding: .year, value: years, to: electedOn) ?? electedOn
    }

    /// True when the mandate ends between `now` and `now + days`.
    public static func endsSoon(_ end: Date, now: Date, days: Int = 90) -> Bool {
        let left = FrenchDate.days(from: now, to: end)
        return left >= 0 && left <= days
    }
}

public enum MeetingStatus: String, CaseIterable, Codable, Sendable {
    case planned, held, cancelled

    public var label: String {
        switch self {
        case .planned: "Prévue"
        case .held: "Tenue"
        case .cancelled: "Annulée"
        }
    }
}

public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present, excused, absent

    public var label: String {
        switch self {
        case .present: "Présent"
        case .excused: "Excusé"
        case .absent: "Absent"
        }
    }
}

/// Figures about meetings.
public enum MeetingStats {
    /// Meetings per month (1…12) of the dates given, every month present (0 when none).
    public static func perMonth(_ dates: [Date], year: Int) -> [Int] {
        var counts = Array(repeating: 0, count: 12)
        for date in dates where FrenchDate.year(of: date) == year { counts[FrenchDate.month(of: date) - 1] += 1 }
        return counts
    }

    /// Average attendance, rounded to one decimal; nil without meetings (not 0: "no data").
    public static func averageAttendance(_ presentPerMeeting: [Int]) -> Double? {
        averageAttendance(present: presentPerMeeting.reduce(0, +), meetings: presentPerMeeting.count)
    }

    /// The same from totals (people present over all meetings, number of meetings).
    public static func averageAttendance(present: Int, meetings: Int) -> Double? {
        guard meetings > 0 else { return nil }
        return (Double(present) / Double(meetings) * 10).rounded() / 10
    }

    /// Volunteer hours of a meeting: its duration for each person present.
    public static func volunteerMinutes(durationMinutes: Int, present: Int) -> Int { max(0, durationMinutes) * max(0, present) }
}

/// Hours as typed in a form: "2", "2,5", "2.5", "2h30", "2 h 30" → minutes; nil otherwise.
public enum VolunteerTime {
    public static func minutes(_ text: String) -> Int? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        if t.contains("h") {
            let parts = t.split(separator: "h", omittingEmptySubsequences: false)
            guard parts.count == 2, let h = Int(parts[0]), (0...1000).contains(h) else { return nil }
            let m = parts[1].isEmpty ? 0 : (Int(parts[1]) ?? -1)
            guard (0...59).contains(m), h * 60 + m > 0 else { return nil }
            return h * 60 + m
        }
        guard let hours = Double(t.replacingOccurrences(of: ",", with: ".")), hours > 0, hours <= 1000, hours.isFinite else { return nil }
        return Int((hours * 60).rounded())
    }
}
