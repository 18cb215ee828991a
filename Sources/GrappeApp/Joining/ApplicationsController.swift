import Fluent
import GrappeDomain
import Vapor

/// Staff and board decide join applications.
enum ApplicationsController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let all = try await MembershipApplication.query(on: req.db).filter(\.$organisation.$id == orgID)
            .sort(\.$createdAt, .descending).limit(200).all()
        let pending = all.filter { $0.status == .pending }
        let decided = all.filter { $0.status != .pending }
        func table(_ list: [MembershipApplication]) -> HTML {
            let rows = list.map { a -> HTML in
                """
                <tr><td>\(FrenchDate.short(a.createdAt ?? Date()))</td><td><a href="\(Site.applicationsShow.path(a.id!))">\(a.companyName)</a></td>
                <td>\(a.category.label)</td><td class="num">\(a.headcount)</td><td>\(a.commune)</td><td>\(a.applicantName)</td>
                <td>\(a.feeQuoted > 0 ? UI.xpf(a.feeQuoted) : "—")</td><td>\(UI.badge(a.status.label, a.status == .pending ? "warn" : a.status == .approved ? "ok" : "muted"))</td></tr>
                """
            }
            return "<table class=\"list\"><thead><tr><th>Reçue</th><th>Entreprise</th><th>Catégorie</th><th>Effectif</th><th>Commune</th><th>Titulaire</th><th>Cotisation</th><th>État</th></tr></thead><tbody>\(rows)</tbody></table>"
        }
        let body: HTML = """
        <h1>Demandes d'adhésion</h1>
        <h2>À décider</h2>
        \(pending.isEmpty ? UI.emptyState("Aucune demande en attente.", action: "<a href=\"\(Site.joinForm.path())\">Voir le formulaire public</a>") : table(pending))
        <h2>Décidées</h2>
        \(decided.isEmpty ? UI.emptyState("Aucune demande décidée pour l'instant.") : table(decided))
        """
        return try await Layout.page(req, title: "Demandes d'adhésion", body: body)
    }

    static func find(_ req: Request) async throws -> MembershipApplication {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        guard let a = try await MembershipApplication.find(try req.uuidParameter("applicationID"), on: req.db), a.$organisation.id == orgID else { throw Abort(.notFound) }
        return a
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, try await find(req), form: FormState())
    }

    static func page(_ req: Request, _ a: MembershipApplication, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let path = Site.applicationsShow.path(a.id!)
        let existing = a.status == .pending
            ? try await Company.query(on: req.db).filter(\.$organisation.$id == a.$organisation.id).filter(\.$ridet == a.ridet).first() : nil
        let decision: HTML
        if a.status == .pending {
            decision = """
            <section class="panel"><h2>Décision</h2>\(form.summary)
            \(existing.map { c in HTML("<p class=\"flash flash-error\" role=\"alert\">Ce RIDET est déjà celui de <a href=\"\(Site.memberShow.path(c.id!))\">\(c.name)</a>. Accepter rattache le demandeur à cette entreprise (sa fiche n'est pas modifiée) : vérifiez d'abord qu'il la représente.</p>") })
            <form method="post" action="\(path)/accepter" class="stack" data-confirm="Enregistrer l'adhésion, l'accès et l'appel de cotisation ?">\(CSRF.hiddenField(req))
            \(existing == nil ? HTML.empty : Input.checkbox("linkExisting", "J'ai vérifié que le demandeur représente cette entreprise", checked: false))
            <button class="primary">Accepter l'adhésion</button></form>
            <form method="post" action="\(path)/refuser" class="stack">\(CSRF.hiddenField(req))
            \(Input.textarea("reason", "Motif du refus (envoyé au demandeur)", form, maxLength: 2000))
            <button class="danger">Refuser la demande</button></form></section>
            """
        } else {
            let who = try await a.$decidedBy.get(on: req.db)?.displayName ?? "—"
            decision = """
            <section class="panel"><h2>\(a.status.label)</h2>
            <p>Le \(a.decidedAt.map(FrenchDate.long) ?? "—") par \(who).</p>
            \(a.decisionReason.isEmpty ? .empty : HTML("<p class=\"pre\">\(a.decisionReason)</p>"))
            \(a.$company.id.map { HTML("<p><a class=\"button\" href=\"\(Site.memberShow.path($0))\">Fiche de l'adhérent</a></p>") })</section>
            """
        }
        let body: HTML = """
        \(UI.breadcrumbs([("Demandes d'adhésion", Site.applicationsIndex.path()), (a.companyName, nil)]))
        <h1>\(a.companyName) \(UI.badge(a.status.label, a.status == .pending ? "warn" : "info"))</h1>
        \(form.errors.filter { $0.key != "reason" || a.status != .pending }.values.sorted().map { message -> HTML in "<p class=\"flash flash-error\" role=\"alert\">\(message)</p>" })
        <div class="columns"><dl class="facts">
        <dt>Raison sociale</dt><dd>\(a.legalName.isEmpty ? "—" : a.legalName)</dd><dt>RIDET</dt><dd>\(a.ridet)</dd>
        <dt>Catégorie</dt><dd>\(a.category.label)</dd><dt>Effectif</dt><dd>\(a.headcount) salariés</dd>
        <dt>Commune</dt><dd>\(a.commune)</dd><dt>Adresse</dt><dd>\(a.address.isEmpty ? "—" : a.address)</dd>
        <dt>Site</dt><dd>\(a.website.isEmpty ? "—" : a.website)</dd><dt>Contact</dt><dd>\(a.companyEmail) \(a.companyPhone)</dd>
        <dt>Domaines</dt><dd>\(a.domainList.joined(separator: ", "))</dd>
        <dt>Cotisation \(a.year) indiquée</dt><dd>\(a.feeQuoted > 0 ? UI.xpf(a.feeQuoted) : "barème non publié")</dd>
        </dl><dl class="facts">
        <dt>Titulaire</dt><dd>\(a.applicantName)\(a.role.isEmpty ? "" : ", \(a.role)")</dd>
        <dt>E-mail</dt><dd>\(a.email)</dd><dt>Téléphone</dt><dd>\(a.phone.isEmpty ? "—" : a.phone)</dd>
        <dt>Engagements</dt><dd>\(a.commitments)</dd><dt>Reçue le</dt><dd>\(FrenchDate.dateTime(a.createdAt ?? Date()))</dd>
        </dl></div>
        <h2>Activité</h2><div class="prose">\(HTML.markdown(a.about))</div>
        \(decision)
        """
        return try await Layout.page(req, title: a.companyName, status: status, body: body)
    }

    static func approve(_ req: Request) async throws -> Response {
        let user = try req.require(.staff, .board)
        let a = try await find(req)
        do {
            let companyID = try await ApplicationService.approve(a, by: user, linkExisting: req.content[String.self, at: "linkExisting"] == "1",
                                                                 app: req.application, on: req.db)
            return req.redirect(to: Site.memberShow.path(companyID), flash: "Adhésion acceptée : accès, appel de cotisation et message de bienvenue envoyés.")
        } catch let failure as ApplicationService.Failure {
            return try await page(req, a, form: FormState(errors: ["approve": failure.description]), status: .conflict)
        }
    }

    static func decline(_ req: Request) async throws -> Response {
        let user = try req.require(.staff, .board)
        let a = try await find(req)
        let reason = FieldCheck.trimmed(req.content[String.self, at: "reason"])
        guard reason.count >= 5, reason.count <= 2000 else {
            return try await page(req, a, form: FormState(values: ["reason": reason], errors: ["reason": "Indiquez le motif du refus (5 à 2 000 caractères) : il est envoyé au demandeur."]), status: .badRequest)
        }
        do {
            try await ApplicationService.decline(a, reason: reason, by: user, app: req.application, on: req.db)
        } catch let failure as ApplicationService.Failure {
            return try await page(req, a, form: FormState(errors: ["reason": failure.description]), status: .conflict)
        }
        return req.redirect(to: Site.applicationsIndex.path(), flash: "Demande refusée : le demandeur a été prévenu.")
    }
}
