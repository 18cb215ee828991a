import Fluent
import Foundation
import GrappeDomain
import Vapor

/// Records a validated request and queues its emails (the business, the staff), in one transaction.
enum DiagnosticRequestService {
    static func create(_ form: DiagnosticRequestForm, activity: BusinessActivity, organisation org: OrganisationProfile, now: Date,
                       baseURL: String, on db: any Database) async throws -> DiagnosticRequest {
        let d = form.draft
        let request = DiagnosticRequest()
        request.$organisation.id = org.id
        request.companyName = d.company
        request.ridet = d.ridet
        request.activity = activity
        request.activityDetails = d.activityDetails
        request.commune = d.commune
        request.headcount = d.headcountValue
        request.contactName = d.contactName
        request.contactEmail = d.email
        request.contactPhone = d.phone
        request.slots = d.slotDates.map(DiagnosticRequestDraft.slotText).joined(separator: "\n")
        request.message = d.message
        request.statisticsConsent = form.consent
        request.consentWording = form.consent ? DiagnosticRequestForm.consentWording : ""
        request.consentAt = form.consent ? now : nil
        request.status = .waiting
        return try await db.transaction { db in
            request.$company.id = try await Company.query(on: db).filter(\.$organisation.$id == org.id).filter(\.$ridet == d.ridet).first()?.id
            try await request.create(on: db)
            try await Mailer.queue(DiagnosticMails.requestReceived(contact: d.contactName, company: d.company, slots: d.slotDates, organisation: org.name),
                                   to: d.email, organisationID: org.id, on: db)
            if FieldCheck.isEmail(org.email) {
                let link = baseURL + Site.diagnosticAdminShow.path(try request.requireID())
                try await Mailer.queue(DiagnosticMails.requestNotice(company: d.company, commune: d.commune, link: link),
                                       to: org.email, organisationID: org.id, on: db)
            }
            return request
        }
    }
}
