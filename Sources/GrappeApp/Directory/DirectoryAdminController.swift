import Fluent
import GrappeDomain
import Vapor

/// Staff keep the directory fresh: the stalest profiles first, and the correction and removal
/// requests sent from the public pages.
enum DirectoryAdminController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let requests = try await DirectoryRequest.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending)
            .with(\.$company).sort(\.$createdAt).all()
        let total = try await DirectoryQueries.publicCount(req.db, organisationID: orgID)
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: 30, total: total)
        let stale = try await DirectoryQueries.stalest(req.db, organisationID: orgID, limit: pages.perPage, offset: pages.offset)
        let requestRows = requests.map { r -> HTML in
            """
            <tr><td>\(FrenchDate.short(r.createdAt ?? Date()))</td><td><a href="\(Site.directoryShow.path(r.company.slug))">\(r.company.name)</a></td>
            <td>\(r.kind.label)</td><td>\(r.requesterName)<br><small>\(r.requesterEmail)</small></td><td class="pre">\(r.message)</td>
            <td><a class="button" href="\(Site.memberEditForm.path(r.company.id!))">Modifier la fiche</a>
            <form method="post" action="\(Site.directoryAdminDecide.path(r.id!))" class="stack">\(CSRF.hiddenField(req))
            <label class="visually-hidden" for="note-\(r.id!.uuidString)">Réponse</label>
            <input id="note-\(r.id!.uuidString)" name="note" maxlength="500" placeholder="Réponse au demandeur (facultatif)">
            <button name="decision" value="apply" class="primary">\(r.kind == .removal ? "Retirer la fiche" : "Correction faite")</button>
            <button name="decision" value="reject" class="secondary">Refuser</button></form></td></tr>
            """
        }
        let staleRows = stale.map { c -> HTML in
            """
            <tr><td><a href="\(Site.directoryShow.path(c.slug))">\(c.name)</a></td><td>\(c.commune)</td>
            <td>\(c.verifiedAt.map { FrenchDate.short($0) } ?? "jamais")</td>
            <td>\(UI.postButton(req, action: Site.directoryAdminVerify.path(c.id!), label: "Marquer vérifiée"))
            <a href="\(Site.memberEditForm.path(c.id!))">Modifier</a></td></tr>
            """
        }
        let body: HTML = """
        <div class="page-head"><h1>Gestion de l'annuaire</h1>
        <div class="actions"><a class="button primary" href="\(Site.memberNewForm.path())">Ajouter un professionnel</a></div></div>
        <h2>Demandes à traiter</h2>
        \(requests.isEmpty ? UI.emptyState("Aucune demande en attente.") : HTML("<table class=\"list\"><thead><tr><th>Reçue</th><th>Fiche</th><th>Demande</th><th>Demandeur</th><th>Message</th><th>Décision</th></tr></thead><tbody>\(requestRows)</tbody></table>"))
        <h2>Fiches publiques, les moins récemment vérifiées d'abord</h2>
        \(stale.isEmpty ? UI.emptyState("Aucune fiche publique.") : HTML("<table class=\"list\"><thead><tr><th>Entreprise</th><th>Commune</th><th>Vérifiée le</th><th></th></tr></thead><tbody>\(staleRows)</tbody></table>"))
        \(pages.links(path: Site.directoryAdminIndex.path(), params: [:]))
        """
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
