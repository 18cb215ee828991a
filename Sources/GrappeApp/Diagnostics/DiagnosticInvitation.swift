import Foundation
import GrappeDomain

/// The .ics sent with an appointment's emails: METHOD:REQUEST when set or moved, METHOD:CANCEL
/// when cancelled; the same UID for the whole life of the diagnostic, SEQUENCE raised at each change.
enum DiagnosticInvitation {
    static func calendar(_ d: Diagnostic, request r: DiagnosticRequest, advisor: DiagnosticQueries.Advisor?, organiser: String,
                         organisation: String, now: Date) -> String {
        let cancelled = d.status == .cancelled
        let event = ICalendar.Event(uid: d.calendarUID, start: d.startsAt, end: d.endsAt,
                                    summary: "Diagnostic de maturité numérique — \(r.companyName)",
                                    description: "Entretien d'une heure avec \(advisor?.name ?? organisation). Contact : \(r.contactName), \(r.contactEmail)\(r.contactPhone.isEmpty ? "" : ", \(r.contactPhone)").",
                                    location: r.commune, cancelled: cancelled, sequence: d.sequence,
                                    organizer: FieldCheck.isEmail(organiser) ? organiser : nil,
                                    attendees: [r.contactEmail] + (advisor.map { [$0.email] } ?? []))
        return ICalendar(name: "Diagnostic \(organisation)", events: [event], stamp: now, method: cancelled ? "CANCEL" : "REQUEST").render()
    }
}
