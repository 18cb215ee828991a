import Fluent
import Foundation
import GrappeDomain

/// Two requests for a diagnostic waiting to be planned, with slots in the coming weeks, so that
/// the staff's list has something to plan. The questionnaire and catalogue come from bootstrap.
enum DemoDiagnostics {
    static func load(organisationID: UUID, now: Date, on db: any Database) async throws {
        let requests: [(String, String, BusinessActivity, String, Int, String, String)] = [
            ("Boulangerie du Col", "1012345.001", .craft, "Mont-Dore", 4, "Léa Tein", "lea@boulangerie-du-col.example"),
            ("Quincaillerie de Koné", "1023456", .retail, "Koné", 7, "Paul Wamytan", "paul@quincaillerie-kone.example"),
        ]
        for (index, (company, ridet, activity, commune, headcount, contact, email)) in requests.enumerated() {
            let r = DiagnosticRequest()
            r.$organisation.id = organisationID
            r.companyName = company
            r.ridet = ridet
            r.activity = activity
            r.activityDetails = ""
            r.commune = commune
            r.headcount = headcount
            r.contactName = contact
            r.contactEmail = email
            r.contactPhone = ""
            let day = now.addingTimeInterval(Double(7 + index * 3) * 86_400)
            r.slots = [FrenchDate.at(day, minutes: 9 * 60), FrenchDate.at(day, minutes: 14 * 60)].map(DiagnosticRequestDraft.slotText).joined(separator: "\n")
            r.message = ""
            r.statisticsConsent = index == 0
            r.consentWording = index == 0 ? DiagnosticRequestForm.consentWording : ""
            r.consentAt = index == 0 ? now : nil
            r.status = .waiting
            try await r.create(on: db)
        }
    }
}
