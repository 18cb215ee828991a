import Fluent
import GrappeDomain
import Vapor

/// Staff keep the directory fresh: the stalest profiles first, and the correction and removal
/// requests sent from the public pages (`DirectoryAdminPage`, drawn by `DirectoryAdminView`).
enum DirectoryAdminController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let page = try await DirectoryAdminPage.load(req.db, organisationID: try await req.organisationID(), page: Pagination.requestedPage(req))
        let body = DirectoryAdminView.index(page, now: req.now, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Gestion de l'annuaire", body: body)
    }

    static func verify(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        guard let company = try await Company.find(try req.uuidParameter("companyID"), on: req.db), company.$organisation.id == orgID else { throw Abort(.notFound) }
        let before = company.verifiedAt.map(FrenchDate.short) ?? ""
        company.verifiedAt = req.now
        try await req.db.transaction { db in
            try await company.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "company", entityID: company.requireID(), action: "update",
                                   changes: ["vérifiée le": (before, FrenchDate.short(req.now))])
        }
        return req.redirect(to: Site.directoryAdminIndex.path(), flash: "Fiche « \(company.name) » marquée vérifiée.")
    }

    /// Applies or rejects a request; a removal hides the profile. The requester is told by email.
    static func decide(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        guard let request = try await DirectoryRequest.find(try req.uuidParameter("requestID"), on: req.db), request.$organisation.id == orgID else { throw Abort(.notFound) }
        guard request.status == .pending else { return req.redirect(to: Site.directoryAdminIndex.path(), flash: "Cette demande a déjà été traitée.", .error) }
        let decision = req.content[String.self, at: "decision"]
        guard decision == "apply" || decision == "reject" else { return req.redirect(to: Site.directoryAdminIndex.path(), flash: "Choisissez d'appliquer ou de refuser la demande.", .error) }
        let apply = decision == "apply"
        let note = String(FieldCheck.trimmed(req.content[String.self, at: "note"]).prefix(500))
        let company = try await request.$company.get(on: req.db)
        try await req.db.transaction { db in
            guard try await Claim.status(db, table: DirectoryRequest.schema, id: request.requireID(), from: "pending", to: apply ? "applied" : "rejected") else {
                throw Abort(.conflict, reason: "Cette demande a déjà été traitée.")
            }
            request.status = apply ? .applied : .rejected
            request.decisionNote = note
            request.$decidedBy.id = user.id
            request.decidedAt = Date()
            try await request.save(on: db)
            if apply && request.kind == .removal {
                company.publicProfile = false
                try await company.save(on: db)
                try await Consent.withdraw(on: db, organisationID: orgID, email: company.email, purpose: "directory_profile")
            }
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "company", entityID: company.requireID(), action: "update",
                                   changes: ["demande annuaire": ("", "\(request.kind.label) \(apply ? "appliquée" : "refusée")")], reason: note)
            let outcome = apply
                ? (request.kind == .removal ? "La fiche a été retirée de l'annuaire." : "La fiche a été corrigée.")
                : "Nous n'avons pas donné suite à votre demande."
            try await Mailer.queue(DirectoryMails.decision(requester: request.requesterName, company: company.name, outcome: outcome, note: note),
                                   to: request.requesterEmail, organisationID: orgID, on: db)
        }
        return req.redirect(to: Site.directoryAdminIndex.path(), flash: apply ? "Demande appliquée." : "Demande refusée.")
    }
}
