import Fluent
import Foundation
import GrappeDomain
import Vapor

/// Planning, moving and cancelling an appointment, each in one transaction with its emails to
/// the business and the advisor, the invitation attached.
enum DiagnosticPlanning {
    struct Failure: Error { let errors: [String: String] }

    /// Reads the planning form: the advisor among `advisors`, the day and the start (one hour), to come.
    static func read(advisor key: String, date: String, time: String, advisors: [DiagnosticQueries.Advisor], now: Date) -> Result<(DiagnosticQueries.Advisor, Date), Failure> {
        var errors: [String: String] = [:]
        let advisor = advisors.first { $0.key == key }
        if advisor == nil { errors["advisor"] = "Choisissez le conseiller qui mène le diagnostic." }
        let start = DiagnosticRequestDraft.parseSlot(FieldCheck.trimmed(date) + "T" + FieldCheck.trimmed(time))
        if FieldCheck.trimmed(date).isEmpty || FieldCheck.trimmed(time).isEmpty {
            errors["date"] = "Indiquez la date et l'heure de début du rendez-vous."
        } else if let start {
            if start <= now { errors["date"] = "Le \(FrenchDate.long(start)) à \(FrenchDate.clock(start)) est déjà passé : choisissez une date à venir." }
        } else {
            errors["date"] = "Date ou heure illisible."
        }
        guard errors.isEmpty, let advisor, let start else { return .failure(Failure(errors: errors)) }
        return .success((advisor, start))
    }

    static func advisor(of d: Diagnostic) -> DiagnosticQueries.Advisor? {
        if let u = d.advisorUser { return .init(key: "user:\(u.id!.uuidString)", name: u.displayName.isEmpty ? u.email : u.displayName, email: u.email, detail: "équipe") }
        if let p = d.advisorPerson { return .init(key: "person:\(p.id!.uuidString)", name: p.fullName, email: p.email, detail: "") }
        return nil
    }

    /// Plans the request's appointment, or moves it (SEQUENCE raised, reminder due again).
    static func plan(_ r: DiagnosticRequest, existing: Diagnostic?, advisor: DiagnosticQueries.Advisor, start: Date, app: Application, on db: any Database) async throws -> Diagnostic {
        let org = try await app.currentOrganisation(on: db)
        return try await db.transaction { db in
            let d: Diagnostic
            let moment: DiagnosticMails.Moment
            if let existing, existing.status == .planned || existing.status == .cancelled {
                d = existing
                d.startsAt = start
                d.endsAt = start.addingTimeInterval(Diagnostic.duration)
                d.sequence += 1
                d.status = .planned
                d.remindedAt = nil
                moment = existing.status == .planned ? .moved : .planned
            } else {
                guard let questionnaire = try await QuestionnaireVersion.query(on: db).filter(\.$organisation.$id == r.$organisation.id)
                    .filter(\.$status == .published).sort(\.$version, .descending).first() else { throw Abort(.conflict, reason: "Aucun questionnaire publié.") }
                d = Diagnostic(organisationID: r.$organisation.id, requestID: try r.requireID(), questionnaireID: try questionnaire.requireID(), startsAt: start)
                moment = .planned
            }
            let parts = advisor.key.split(separator: ":", maxSplits: 1).map(String.init)
            let id = parts.count == 2 ? UUID(uuidString: parts[1]) : nil
            d.$advisorUser.id = parts.first == "user" ? id : nil
            d.$advisorPerson.id = parts.first == "person" ? id : nil
            try await d.save(on: db)
            r.status = .planned
            try await r.save(on: db)
            try await notify(d, request: r, advisor: advisor, moment: moment, organisation: org, now: app.now, on: db,
                             interviewLink: app.baseURL + Site.diagnosticInterview.path(try d.requireID()))
            return d
        }
    }

    static func cancel(_ d: Diagnostic, request r: DiagnosticRequest, app: Application, on db: any Database) async throws {
        let org = try await app.currentOrganisation(on: db)
        let advisor = advisor(of: d)
        try await db.transaction { db in
            d.status = .cancelled
            d.sequence += 1
            try await d.save(on: db)
            r.status = .cancelled
            try await r.save(on: db)
            try await notify(d, request: r, advisor: advisor, moment: .cancelled, organisation: org, now: app.now, on: db)
        }
    }

    /// The same words and invitation to the business and to the advisor; the advisor's mail also
    /// gives `interviewLink`, the interview's page.
    static func notify(_ d: Diagnostic, request r: DiagnosticRequest, advisor: DiagnosticQueries.Advisor?, moment: DiagnosticMails.Moment,
                       organisation org: OrganisationProfile, now: Date, on db: any Database, interviewLink: String? = nil) async throws {
        let calendar = moment == .reminder ? nil
            : DiagnosticInvitation.calendar(d, request: r, advisor: advisor, organiser: org.email, organisation: org.name, now: now)
        let people: [(String, String, String?)] = [(r.contactName, r.contactEmail, nil)] + (advisor.map { [($0.name, $0.email, interviewLink)] } ?? [])
        for (name, email, link) in people {
            let text = DiagnosticMails.appointment(moment, name: name, company: r.companyName, start: d.startsAt, advisor: advisor?.name ?? org.name,
                                                   organisation: org.name, interviewLink: link)
            try await Mailer.queue(text, to: email, organisationID: org.id, on: db, calendar: calendar)
        }
    }
}
