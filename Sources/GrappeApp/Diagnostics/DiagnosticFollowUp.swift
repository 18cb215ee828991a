import Fluent
import Foundation
import GrappeDomain

/// A follow-up of a closed diagnostic: a new request of the same business (same company, RIDET,
/// activity, commune, headcount and contact), waiting to be planned, with the suggested date
/// (6 to 12 months after the first) as its preferred slot. When closed, the new diagnostic
/// finds the one it follows by the RIDET (`DiagnosticQueries.earlier`).
enum DiagnosticFollowUp {
    enum Refusal: Error, Equatable {
        case notClosed
        case erased
        /// A request of the same business already waits or is planned.
        case pending(UUID)
    }

    /// The suggested appointment: the first day of the window (or today if it is past), at 9:00.
    static func suggestedSlot(_ d: Diagnostic, now: Date) -> Date {
        FrenchDate.at(DiagnosticComparison.suggestedFollowUp(after: d.closedAt ?? d.startsAt, today: now), minutes: 9 * 60)
    }

    static func create(from r: DiagnosticRequest, diagnostic d: Diagnostic, user: User, now: Date, on db: any Database) async throws -> Result<DiagnosticRequest, Refusal> {
        guard d.status == .closed else { return .failure(.notClosed) }
        guard r.erasedAt == nil else { return .failure(.erased) }
        let requestID = try r.requireID()
        return try await db.transaction { db in
            if let pending = try await DiagnosticRequest.query(on: db).filter(\.$organisation.$id == r.$organisation.id).filter(\.$ridet == r.ridet)
                .filter(\.$status ~~ [.waiting, .planned]).filter(\.$id != requestID).first() {
                return .failure(.pending(try pending.requireID()))
            }
            let next = DiagnosticRequest()
            next.$organisation.id = r.$organisation.id
            next.companyName = r.companyName
            next.ridet = r.ridet
            next.activity = r.activity
            next.activityDetails = r.activityDetails
            next.commune = r.commune
            next.headcount = r.headcount
            next.contactName = r.contactName
            next.contactEmail = r.contactEmail
            next.contactPhone = r.contactPhone
            next.slots = DiagnosticRequestDraft.slotText(suggestedSlot(d, now: now))
            next.message = "Diagnostic de suivi du diagnostic du \(FrenchDate.long(d.closedAt ?? d.startsAt))."
            // The business's consent to statistics stands until withdrawn: the follow-up keeps it, with its words and date.
            next.statisticsConsent = r.statisticsConsent
            next.consentWording = r.consentWording
            next.consentAt = r.consentAt
            next.status = .waiting
            next.$company.id = r.$company.id
            try await next.create(on: db)
            try await Audit.record(on: db, organisationID: r.$organisation.id, user: user, entity: "diagnostic_request", entityID: try next.requireID(),
                                   action: "create", reason: "diagnostic de suivi")
            return .success(next)
        }
    }
}
