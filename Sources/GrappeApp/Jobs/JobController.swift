import Fluent
import GrappeDomain
import Vapor

/// Job and internship offers: the public list and page, posting and editing by member
/// contacts, moderation by staff.
enum JobController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let filter = JobQueries.Filter(from: req)
        let offers = try await JobQueries.search(req.db, organisationID: orgID, filter: filter, now: req.now)
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: 20, total: offers.count)
        let shown = offers.dropFirst(pages.offset).prefix(pages.perPage)
        var mine: [JobOffer] = []
        if !req.viewer.companyIDs.isEmpty {
            mine = try await JobOffer.query(on: req.db).filter(\.$company.$id ~~ Array(req.viewer.companyIDs)).sort(\.$createdAt, .descending).all()
        }
        let form = FormState(values: filter.params)
        let rows = shown.map { o -> HTML in
            """
            <li class="card"><h2><a href="\(Site.jobShow.path(o.id!))">\(o.title)</a></h2>
            <p>\(UI.badge(o.kind.label, "info")) \(o.contract.label) · \(o.commune) · <a href="\(Site.directoryShow.path(o.company.slug))">\(o.company.name)</a></p>
            <p class="muted">Publiée le \(FrenchDate.short(o.createdAt ?? Date())) · jusqu'au \(FrenchDate.short(o.expiresAt.addingTimeInterval(-1)))</p></li>
            """
        }
        let mineRows = mine.map { o -> HTML in
            "<tr><td><a href=\"\(Site.jobShow.path(o.id!))\">\(o.title)</a></td><td>\(o.isLive(at: req.now) ? UI.badge("en ligne", "ok") : o.status == .hidden ? UI.badge("masquée", "warn") : UI.badge("expirée", "muted"))</td><td>\(FrenchDate.short(o.expiresAt.addingTimeInterval(-1)))</td></tr>"
        }
        let canPost = req.viewer.isStaff || !req.viewer.companyIDs.isEmpty
        let body: HTML = """
        <div class="page-head"><h1>Offres d'emploi et de stage</h1>
        \(canPost ? HTML("<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.jobNewForm.path())\">Publier une offre</a></div>") : .empty)</div>
        <p class="lead">Les postes, stages et alternances proposés par les entreprises adhérentes.
        Vous cherchez sans offre précise ? <a href="\(Site.candidateForm.path())">Déposez une candidature libre</a>.</p>
        \(mine.isEmpty ? .empty : HTML("<h2>Les offres de votre entreprise</h2><table class=\"list\"><thead><tr><th>Offre</th><th>État</th><th>Jusqu'au</th></tr></thead><tbody>\(mineRows)</tbody></table>"))
        <form method="get" action="\(Site.jobIndex.path())" class="filters" role="search">
        \(Input.text("q", "Recherche", form, type: "search", maxLength: 100))
        \(Input.select("type", "Type", form, options: JobKind.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.select("contrat", "Contrat", form, options: JobContract.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.select("commune", "Lieu", form, options: Communes.all.map { ($0, $0) }, blank: "Tous"))
        <button class="primary">Filtrer</button></form>
        \(offers.isEmpty ? UI.emptyState("Aucune offre en ligne pour ces critères.") : HTML("<ul class=\"cards\">\(Array(rows))</ul>"))
        \(pages.links(path: Site.jobIndex.path(), params: filter.params))
        """
        return try await Layout.page(req, title: "Emplois", body: body)
    }

    static func find(_ req: Request) async throws -> JobOffer {
        let orgID = try await req.organisationID()
        guard let offer = try await JobOffer.query(on: req.db).filter(\.$id == (try req.uuidParameter("offerID")))
            .filter(\.$organisation.$id == orgID).with(\.$company).first() else { throw Abort(.notFound) }
        if !offer.isLive(at: req.now) && !canManage(req, offer) { throw Abort(.notFound) }
        return offer
    }

    static func canManage(_ req: Request, _ offer: JobOffer) -> Bool {
        req.viewer.isStaff || req.viewer.companyIDs.contains(offer.$company.id)
    }

    static func show(_ req: Request) async throws -> Response {
        let o = try await find(req)
        let manage: HTML = canManage(req, o) ? """
            <div class="actions"><a class="button" href="\(Site.jobEditForm.path(o.id!))">Modifier</a>
            \(o.isLive(at: req.now) ? UI.postButton(req, action: Site.jobWithdraw.path(o.id!), label: "Retirer l'offre", style: "danger", confirm: "Retirer cette offre du site ?") : .empty)</div>
            """ : .empty
        let moderation: HTML = req.viewer.isStaff ? """
            <form method="post" action="\(Site.jobModerate.path(o.id!))" class="panel">\(CSRF.hiddenField(req))
            <h2>Modération</h2>
            <label for="note">Motif (envoyé à l'entreprise)</label><input id="note" name="note" maxlength="500" value="\(o.moderationNote)">
            <button class="\(o.status == .published ? "danger" : "primary")">\(o.status == .published ? "Masquer l'offre" : "Republier l'offre")</button></form>
            """ : .empty
        let state: HTML = o.isLive(at: req.now) ? .empty : o.status == .hidden
            ? "<p class=\"flash flash-error\">Offre masquée par la modération\(o.moderationNote.isEmpty ? "" : " : \(o.moderationNote)").</p>"
            : "<p class=\"flash flash-error\">Offre expirée : elle n'est plus visible du public.</p>"
        let body: HTML = """
        \(UI.breadcrumbs([("Emplois", Site.jobIndex.path()), (o.title, nil)]))
        <div class="page-head"><h1>\(o.title)</h1>\(manage)</div>
        \(state)
        <p>\(UI.badge(o.kind.label, "info")) \(o.contract.label) · \(o.commune) · <a href="\(Site.directoryShow.path(o.company.slug))">\(o.company.name)</a></p>
        <div class="prose">\(HTML.markdown(o.about))</div>
        <h2>Comment postuler</h2><p>\(o.howToApply)</p>
        <p class="muted">Publiée le \(FrenchDate.long(o.createdAt ?? Date())) · en ligne jusqu'au \(FrenchDate.long(o.expiresAt.addingTimeInterval(-1))).</p>
        \(moderation)
        """
        return try await Layout.page(req, title: o.title, body: body)
    }

    /// The companies the viewer may post for: their own; staff, every active member.
    static func postableCompanies(_ req: Request) async throws -> [Company] {
        let orgID = try await req.organisationID()
        if req.viewer.isStaff {
            let ids = try await DirectoryQueries.memberIDs(req.db, organisationID: orgID, now: req.now)
            return try await Company.query(on: req.db).filter(\.$id ~~ Array(ids)).sort(\.$name).all()
        }
        // A contact posts for their companies that are members (this year or last).
        let members = try await DirectoryQueries.memberIDs(req.db, organisationID: orgID, now: req.now).intersection(req.viewer.companyIDs)
        guard !members.isEmpty else { throw Abort(.forbidden, reason: "Les offres sont réservées aux entreprises adhérentes.") }
        return try await Company.query(on: req.db).filter(\.$id ~~ Array(members)).sort(\.$name).all()
    }

    static func formPage(_ req: Request, title: String, action: String, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let companies = try await postableCompanies(req)
        let body: HTML = """
        \(UI.breadcrumbs([("Emplois", Site.jobIndex.path()), (title, nil)]))
        <h1>\(title)</h1>
        \(JobForm.render(req, action: action, form: form, companies: companies))
        """
        return try await Layout.page(req, title: title, status: status, body: body)
    }

    static func newForm(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let companies = try await postableCompanies(req)
        let expiry = FrenchDate.calendar.date(byAdding: .day, value: 60, to: req.now) ?? req.now
        return try await formPage(req, title: "Publier une offre", action: Site.jobCreate.path(),
                                  form: FormState(values: ["companyID": companies.count == 1 ? companies[0].id!.uuidString : "", "expiresOn": FrenchDate.iso(expiry)]))
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let orgID = try await req.organisationID()
        let companies = try await postableCompanies(req)
        var form = FormState(values: JobForm.values(from: req))
        let companyID = UUID(uuidString: form["companyID"]).flatMap { id in companies.contains { $0.id == id } ? id : nil }
        if companyID == nil { form.errors["companyID"] = "Choisissez une de vos entreprises." }
        let offer = JobOffer(organisationID: orgID, companyID: companyID ?? UUID(), postedBy: user.id)
        guard JobForm.apply(&form, to: offer, now: req.now), form.errors.isEmpty else {
            return try await formPage(req, title: "Publier une offre", action: Site.jobCreate.path(), form: form, status: .badRequest)
        }
        try await offer.create(on: req.db)
        return req.redirect(to: Site.jobShow.path(offer.id!), flash: "Offre publiée.")
    }

    static func managed(_ req: Request) async throws -> JobOffer {
        _ = try req.requireUser()
        let offer = try await find(req)
        guard canManage(req, offer) else { throw Abort(.forbidden) }
        return offer
    }

    static func editForm(_ req: Request) async throws -> Response {
        let offer = try await managed(req)
        return try await formPage(req, title: "Modifier l'offre", action: Site.jobUpdate.path(offer.id!), form: FormState(values: JobForm.values(of: offer)))
    }

    static func update(_ req: Request) async throws -> Response {
        let offer = try await managed(req)
        var form = FormState(values: JobForm.values(from: req))
        form.values["companyID"] = offer.$company.id.uuidString
        guard JobForm.apply(&form, to: offer, now: req.now) else {
            return try await formPage(req, title: "Modifier l'offre", action: Site.jobUpdate.path(offer.id!), form: form, status: .badRequest)
        }
        try await offer.save(on: req.db)
        return req.redirect(to: Site.jobShow.path(offer.id!), flash: "Offre enregistrée.")
    }

    /// The company ends its offer now (position filled).
    static func withdraw(_ req: Request) async throws -> Response {
        let offer = try await managed(req)
        offer.expiresAt = req.now
        try await offer.save(on: req.db)
        return req.redirect(to: Site.jobIndex.path(), flash: "Offre retirée du site.")
    }

    /// Staff hide an offer (with a reason sent to whoever posted it) or publish it again.
    static func moderate(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let offer = try await find(req)
        let orgID = try await req.organisationID()
        offer.status = offer.status == .published ? .hidden : .published
        offer.moderationNote = String(FieldCheck.trimmed(req.content[String.self, at: "note"]).prefix(500))
        try await req.db.transaction { db in
            try await offer.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "job_offer", entityID: offer.requireID(), action: "update",
                                   changes: ["statut": ("", offer.status.label)], reason: offer.moderationNote)
            if offer.status == .hidden, let poster = try await offer.$postedBy.get(on: db) {
                try await Mailer.queue(JobMails.hidden(poster: poster.displayName, title: offer.title, note: offer.moderationNote),
                                       to: poster.email, organisationID: orgID, on: db)
            }
        }
        return req.redirect(to: Site.jobShow.path(offer.id!), flash: offer.status == .hidden ? "Offre masquée." : "Offre republiée.")
    }
}
