import Fluent
import GrappeDomain
import Vapor

/// Programmes: the list and a programme's page with its indicators against their targets, its
/// actions by month, commune and animator, and each consortium company's own summary.
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
        let programmeID = try p.requireID()
        let actions = try await ProgrammeAction.query(on: req.db).filter(\.$programme.$id == programmeID).sort(\.$date, .descending).all()
        let lines = try await ProgrammeQueries.indicators(req.db, programme: p, actions: actions, now: req.now)
        let consortium = try await ProgrammeQueries.consortium(req.db, programmeID: programmeID)
        let funders = try await p.$funders.get(on: req.db)
        let partners = try await p.$partners.get(on: req.db)
        let names = Dictionary(uniqueKeysWithValues: consortium.compactMap { c in c.id.map { ($0, c.name) } })
        let animators = ProgrammeQueries.animators(actions, companies: names)
        let facts = ProgrammeQueries.facts(actions)
        let months = Indicators.perMonth(facts, calendar: FrenchDate.calendar)
        let communes = Indicators.perCommune(facts)
        let staff = req.viewer.isStaff
        let insider = req.viewer.readsEverything
        let path = Site.programmeShow.path(p.slug)
        // Beyond two years, a bar per year reads better than one per month.
        let yearly = months.count > 24
        let groups: [BarChart.Group] = yearly
            ? Dictionary(grouping: months, by: \.year).sorted { $0.key < $1.key }.map { .init(label: String($0.key), values: [$0.value.map(\.count).reduce(0, +)]) }
            : months.map { .init(label: "\(FrenchDate.monthName($0.month)) \($0.year)", values: [$0.count]) }
        let chart = BarChart(title: "Actions de « \(p.name) » par \(yearly ? "année" : "mois")", series: [.init(label: "Actions", cssClass: "bar-received")],
                             groups: groups, format: { String($0) }).render()
        let indicatorRows = lines.map { line -> HTML in
            let i = line.indicator
            let value = line.value.map { Indicators.format($0) } ?? "pas de donnée"
            let manual: HTML = staff && i.source == .manual ? """
                <form method="post" action="\(path)/indicateurs/\(i.id!.uuidString)/valeurs" class="inline-form">\(CSRF.hiddenField(req))
                <label class="visually-hidden" for="v-\(i.id!.uuidString)">Valeur</label><input id="v-\(i.id!.uuidString)" name="value" inputmode="decimal" required size="6" placeholder="valeur">
                <label class="visually-hidden" for="d-\(i.id!.uuidString)">Date</label><input id="d-\(i.id!.uuidString)" name="date" type="date" required>
                <label class="visually-hidden" for="s-\(i.id!.uuidString)">Source</label><input id="s-\(i.id!.uuidString)" name="source" required maxlength="200" placeholder="source">
                <button class="secondary">Saisir</button></form>
                """ : .empty
            return """
            <tr><td>\(i.name)<br><small class="muted">\(i.source.label)\(i.audience.isEmpty ? "" : " : \(Audience(loose: i.audience)?.label ?? i.audience)")\(line.latestEntry.map { " · saisi le \(FrenchDate.short($0.date)), source : \($0.sourceNote)" } ?? "")</small></td>
            <td class="num">\(value) / \(Indicators.format(i.target)) \(i.unit)</td>
            <td>\(line.progress.map { HTML("<progress max=\"100\" value=\"\(min($0, 100))\">\($0) %</progress> <strong>\($0) %</strong>") } ?? "—")
            \(line.behind ? UI.badge("en retard", "warn") : .empty)</td><td>\(manual)</td></tr>
            """
        }
        let communeRows = communes.map { HTML("<tr><td>\($0.commune)</td><td class=\"num\">\($0.count)</td><td class=\"num\">\($0.participants)</td></tr>") }
        let animatorRows = animators.map { a -> HTML in
            let link: HTML = a.companyID.map { id in HTML("<a href=\"\(path)/animateurs/\(id.uuidString)\">\(a.name)</a>") } ?? "\(a.name)"
            return "<tr><td>\(link)</td><td class=\"num\">\(a.actions)</td><td class=\"num\">\(a.participants)</td></tr>"
        }
        let actionRows = actions.prefix(200).map { a -> HTML in
            """
            <tr><td>\(FrenchDate.short(a.date))</td><td>\(a.theme)</td><td>\(a.commune)</td><td>\(a.$animatorCompany.id.flatMap { names[$0] } ?? "—")</td>
            <td class="num">\(a.participants)</td><td>\(AudienceCounts.parse(a.audiencesText).sorted { $0.key < $1.key }.map { "\(Audience(rawValue: $0.key)?.label ?? $0.key) : \($0.value)" }.joined(separator: ", "))</td>
            <td>\(staff ? HTML("<a href=\"\(path)/actions/\(a.id!.uuidString)\">Modifier</a>") : .empty)</td></tr>
            """
        }
        let fundersText = funders.map { f in f.name + (insider ? f.amount.map { " (\(Money.xpf($0)))" } ?? "" : "") }.joined(separator: ", ")
        let body: HTML = """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, nil)]))
        <div class="page-head"><h1>\(p.name) \(UI.badge(p.status.label, p.status == .running ? "ok" : "info"))</h1>
        \(staff ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(path)/modifier\">Modifier</a> <a class=\"button\" href=\"\(path)/actions/nouvelle\">Ajouter une action</a> <a class=\"button\" href=\"\(path)/import\">Importer des actions</a></div>") : .empty)</div>
        <p class="muted">Du \(FrenchDate.long(p.startsOn)) au \(FrenchDate.long(p.endsOn)) · axes : \(p.axes.map(\.label).joined(separator: ", ").nonEmpty ?? "—")</p>
        <div class="prose">\(HTML.markdown(p.about))</div>
        <dl class="facts"><dt>Financeurs</dt><dd>\(fundersText.nonEmpty ?? "—")</dd>
        <dt>Partenaires</dt><dd>\(partners.map { "\($0.name) (\($0.role))" }.joined(separator: ", ").nonEmpty ?? "—")</dd>
        <dt>Consortium</dt><dd>\(consortium.isEmpty ? "—" : "\(consortium.count) entreprises : " + consortium.map(\.name).joined(separator: ", "))</dd></dl>
        <h2>Objectifs</h2>
        \(lines.isEmpty ? UI.emptyState("Aucun indicateur.") : HTML("<table class=\"list\"><thead><tr><th>Indicateur</th><th class=\"num\">Réalisé / cible</th><th>Avancement</th><th></th></tr></thead><tbody>\(indicatorRows)</tbody></table>"))
        \(staff ? (indicatorForm.map { IndicatorController.form(req, path: path, state: $0) } ?? IndicatorController.form(req, path: path)) : .empty)
        <h2>Actions (\(actions.count))</h2>
        \(actions.isEmpty ? UI.emptyState("Aucune action enregistrée.") : chart)
        <div class="columns">
        <section><h3>Par commune</h3>\(communes.isEmpty ? UI.emptyState("—") : HTML("<table class=\"list compact\"><thead><tr><th>Commune</th><th class=\"num\">Actions</th><th class=\"num\">Participants</th></tr></thead><tbody>\(communeRows)</tbody></table>"))</section>
        <section><h3>Par animateur</h3>\(animators.isEmpty ? UI.emptyState("—") : HTML("<table class=\"list compact\"><thead><tr><th>Animateur</th><th class=\"num\">Actions</th><th class=\"num\">Participants</th></tr></thead><tbody>\(animatorRows)</tbody></table>"))</section>
        </div>
        \(insider && !actions.isEmpty ? HTML("<h3>Détail des actions</h3><table class=\"list\"><thead><tr><th>Date</th><th>Thème</th><th>Commune</th><th>Animateur</th><th class=\"num\">Participants</th><th>Publics</th><th></th></tr></thead><tbody>\(actionRows)</tbody></table>") : .empty)
        """
        return try await Layout.page(req, title: p.name, status: status, body: body)
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
