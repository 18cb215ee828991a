import Fluent
import GrappeDomain
import Vapor

/// Programmes: the list, a programme's page (`ProgrammePage` read, `ProgrammeView` drawn) and
/// each consortium company's own summary.
enum ProgrammeController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let programmes = try await Programme.query(on: req.db).filter(\.$organisation.$id == orgID).with(\.$funders)
            .sort(\.$startsOn, .descending).all()
        let rows = programmes.map { p -> HTML in
            """
            <li class="card"><h2><a href="\(Site.programmeShow.path(p.slug))">\(p.name)</a> \(UI.badge(p.status.label, p.status == .running ? "ok" : "info"))</h2>
            <p class="muted">\(FrenchDate.monthYear(p.startsOn)) – \(FrenchDate.monthYear(p.endsOn)) · \(p.funders.map(\.name).joined(separator: ", "))</p>
            <p>\(Markdown.excerpt(p.about, maxLength: 240))</p></li>
            """
        }
        let body: HTML = """
        <div class="page-head"><h1>Programmes</h1>
        \(req.viewer.isStaff ? HTML("<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.programmeFormNewForm.path())\">Nouveau programme</a></div>") : .empty)</div>
        \(programmes.isEmpty ? UI.emptyState("Aucun programme enregistré.") : HTML("<ul class=\"cards\">\(rows)</ul>"))
        """
        return try await Layout.page(req, title: "Programmes", body: body)
    }

    static func find(_ req: Request) async throws -> Programme {
        guard let slug = req.parameters.get("slug"),
              let p = try await ProgrammeQueries.bySlug(req.db, organisationID: try await req.organisationID(), slug: slug) else { throw Abort(.notFound) }
        return p
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, try await find(req))
    }

    /// The programme's page; `indicatorForm` carries a refused indicator back with its errors.
    static func page(_ req: Request, _ p: Programme, indicatorForm: FormState? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let model = try await ProgrammePage.load(req.db, programme: p, now: req.now, staff: req.viewer.isStaff, insider: req.viewer.readsEverything)
        let path = Site.programmeShow.path(p.slug)
        let form = model.staff ? (indicatorForm.map { IndicatorController.form(req, path: path, state: $0) } ?? IndicatorController.form(req, path: path)) : nil
        return try await Layout.page(req, title: p.name, status: status, body: ProgrammeView.render(model, csrf: CSRF.hiddenField(req), indicatorForm: form))
    }

    /// A consortium company's own summary: visible to staff, board and that company's contacts.
    static func animator(_ req: Request) async throws -> Response {
        let p = try await find(req)
        let companyID = try req.uuidParameter("companyID")
        _ = try req.requireUser()
        guard req.viewer.readsEverything || req.viewer.companyIDs.contains(companyID) else { throw Abort(.forbidden) }
        guard try await ConsortiumMember.query(on: req.db).filter(\.$programme.$id == p.requireID()).filter(\.$company.$id == companyID).first() != nil,
              let company = try await Company.find(companyID, on: req.db) else { throw Abort(.notFound) }
        let actions = try await ProgrammeAction.query(on: req.db).filter(\.$programme.$id == p.requireID())
            .filter(\.$animatorCompany.$id == companyID).sort(\.$date, .descending).all()
        let facts = ProgrammeQueries.facts(actions)
        let rows = actions.map { a in
            HTML("<tr><td>\(FrenchDate.short(a.date))</td><td>\(a.theme)</td><td>\(a.commune)</td><td>\(a.animators)</td><td class=\"num\">\(a.participants)</td></tr>")
        }
        let body: HTML = """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, Site.programmeShow.path(p.slug)), (company.name, nil)]))
        <h1>\(company.name) dans « \(p.name) »</h1>
        <ul class="stats"><li><span>Actions animées</span><strong>\(actions.count)</strong></li>
        <li><span>Participants</span><strong>\(facts.map(\.participants).reduce(0, +))</strong></li>
        <li><span>Communes</span><strong>\(Indicators.perCommune(facts).count)</strong></li></ul>
        \(actions.isEmpty ? UI.emptyState("Aucune action animée pour le moment.") : HTML("<table class=\"list\"><thead><tr><th>Date</th><th>Thème</th><th>Commune</th><th>Animateurs</th><th class=\"num\">Participants</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return try await Layout.page(req, title: "\(company.name) · \(p.name)", body: body)
    }
}
