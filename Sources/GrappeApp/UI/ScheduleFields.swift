import Foundation
import GrappeDomain

/// The « date, début, fin » fields shared by the meeting and event forms: read from `form`,
/// errors written back into it, and the start and end instants in Nouméa when all is valid.
enum ScheduleFields {
    static func read(_ form: inout FormState) -> (start: Date, end: Date)? {
        let day = FrenchDate.parse(form["date"])
        if day == nil { form.errors["date"] = "Date invalide." }
        let start = MeetingRule.minutes(form["start"]), end = MeetingRule.minutes(form["end"])
        if start == nil { form.errors["start"] = "Heure invalide (ex. 12:00)." }
        if end == nil { form.errors["end"] = "Heure invalide (ex. 13:30)." }
        if let start, let end, end <= start { form.errors["end"] = "La fin doit suivre le début." }
        guard let day, let start, let end, end > start else { return nil }
        return (FrenchDate.at(day, minutes: start), FrenchDate.at(day, minutes: end))
    }

    /// The values to put back in a form for an existing schedule.
    static func values(start: Date, end: Date) -> [String: String] {
        ["date": FrenchDate.iso(start), "start": FrenchDate.clock(start), "end": FrenchDate.clock(end)]
    }
}
