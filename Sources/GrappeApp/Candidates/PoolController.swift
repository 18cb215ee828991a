import Fluent
import GrappeDomain
import Vapor

/// The candidate pool as members see it: reserved to contacts of member companies up to date
/// with their dues (and to staff). Every opening of a CV is logged.
enum PoolController {
    /// The company on whose behalf the viewer reads, or nil for staff; 403 for anyone else.
    static func reader(_ req: Request) async throws -> UUID? {
        let user = try req.requireUser()
        if user.role == .staff { return nil }
        let upToDate = try await DuesStandingQueries.upToDate(req.db, companyIDs: req.viewer.companyIDs, now: req.now)
        guard let company = upToDate.sorted(by: { $0.uuidString < $1.uuidString }).first else {
            throw Abort(.forbidden, reason: "Le vivier de candidatures est réservé aux adhérents à jour de leur cotisation.")
        }
        return company
    }

    static func index(_ req: Request) async throws -> Response {
        _ = try await reader(req)
        let orgID = try await req.organisationID()
        let q = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        var query = Candidate.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$expiresAt > req.now)
        for term in DirectorySearch.terms(q) { query = query.filter(\.$searchText, .contains(inverse: false, .anywhere), term) }
        let total = try await query.count()
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: 25, total: total)
        let list = try await query.sort(\.$createdAt, .descending).range(pages.offset..<(pages.offset + pages.perPage)).all()
        let rows = list.map { c -> HTML in
            """
            <tr><td><a href="\(Site.poolShow.path(c.id!))">\(c.fullName)</a></td><td>\(c.wishedFields)</td>
            <td>\(FrenchDate.short(c.createdAt ?? Date()))</td><td><a href="\(Site.poolCv.path(c.id!))">CV (PDF, \(c.cvBytes / 1024) Ko)</a></td></tr>
            """
        }
        let body: HTML = """
        <h1>Vivier de candidatures libres</h1>
        <p class="lead">Des personnes qui souhaitent travailler dans le numérique en Nouvelle-Calédonie. Chaque ouverture de CV est enregistrée ;
        les candidatures sont supprimées au bout de 24 mois.</p>
        <form method="get" action="\(Site.poolIndex.path())" class="filters" role="search">\(Input.text("q", "Recherche", FormState(values: ["q": q]), type: "search", maxLength: 100))<button class="primary">Rechercher</button></form>
        \(list.isEmpty ? UI.emptyState(q.isEmpty ? "Aucune candidature pour le moment." : "Aucune candidature ne correspond.") : HTML("<table class=\"list\"><thead><tr><th>Candidat</th><th>Recherche</th><th>Déposée le</th><th>CV</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(pages.links(path: Site.poolIndex.path(), params: ["q": q]))
        """
        return try await Layout.page(req, title: "Vivier de candidatures", body: body)
    }

    static func find(_ req: Request) async throws -> Candidate {
        let orgID = try await req.organisationID()
        guard let c = try await Candidate.find(try req.uuidParameter("candidateID"), on: req.db), c.$organisation.id == orgID, c.expiresAt > Date() else { throw Abort(.notFound) }
        return c
    }

    static func show(_ req: Request) async throws -> Response {
        _ = try await reader(req)
        let c = try await find(req)
        var log: HTML = .empty
        if req.viewer.isStaff {
            let reads = try await CVRead.query(on: req.db).filter(\.$candidate.$id == c.requireID()).with(\.$user).with(\.$company).sort(\.$readAt, .descending).all()
            let rows = reads.map { r in HTML("<tr><td>\(FrenchDate.dateTime(r.readAt))</td><td>\(r.user?.displayName ?? "—")</td><td>\(r.company?.name ?? "équipe")</td></tr>") }
            let table: HTML = reads.isEmpty ? UI.emptyState("Ce CV n'a pas encore été ouvert.") : HTML("<table class=\"list\"><thead><tr><th>Quand</th><th>Qui</th><th>Entreprise</th></tr></thead><tbody>\(rows)</tbody></table>")
            log = "<h2>Consultations du CV</h2>\(table)"
        }
        let body: HTML = """
        \(UI.breadcrumbs([("Vivier", Site.poolIndex.path()), (c.fullName, nil)]))
        <h1>\(c.fullName)</h1>
        <dl class="facts"><dt>Recherche</dt><dd>\(c.wishedFields)</dd><dt>E-mail</dt><dd><a href="mailto:\(c.email)">\(c.email)</a></dd>
        <dt>Déposée le</dt><dd>\(FrenchDate.long(c.createdAt ?? Date()))</dd><dt>Conservée jusqu'au</dt><dd>\(FrenchDate.long(c.expiresAt))</dd></dl>
        \(c.message.isEmpty ? .empty : HTML("<p class=\"pre\">\(c.message)</p>"))
        <p><a class="button primary" href="\(Site.poolCv.path(c.id!))">Ouvrir le CV (PDF)</a></p>
        \(log)
        """
        return try await Layout.page(req, title: c.fullName, body: body)
    }

    /// Sends the PDF and logs the read.
    static func cv(_ req: Request) async throws -> Response {
        let company = try await reader(req)
        let c = try await find(req)
        let data = try CVStore(app: req.application).read(c.cvFile)
        try await CVRead(candidateID: c.requireID(), userID: req.viewer.user?.id, companyID: company).create(on: req.db)
        let filename = TextFolding.slug("cv \(c.firstName) \(c.lastName)") + ".pdf"
        return Response(status: .ok, headers: [
            "Content-Type": "application/pdf",
            "Content-Disposition": "attachment; filename=\"\(filename)\"",
            "Cache-Control": "no-store",
        ], body: .init(data: data))
    }
}
