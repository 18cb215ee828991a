import Fluent
import GrappeDomain
import Vapor

/// The Grande Collecte: campaigns per year and a campaign's figures, pledges and items.
enum CollecteController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let campaigns = try await CollectCampaign.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$year, .descending).all()
        if !req.viewer.readsEverything {
            return try await publicPage(req, campaign: campaigns.first)
        }
        let rows = campaigns.map { c in
            HTML("<tr><td><a href=\"\(Site.collecteShow.path(c.year))\">\(c.name)</a></td><td>\(FrenchDate.short(c.startsOn)) – \(FrenchDate.short(c.endsOn))</td><td class=\"num\">\(c.goalItems)</td></tr>")
        }
        let form: HTML = req.viewer.isStaff ? """
            <details><summary>Nouvelle campagne</summary>
            <form method="post" action="\(Site.collecteCreate.path())" class="inline-form">\(CSRF.hiddenField(req))
            \(Input.text("year", "Année", FormState(values: ["year": String(FrenchDate.year(of: req.now))]), type: "number", required: true))
            \(Input.text("name", "Nom", FormState(values: ["name": "La Grande Collecte Numérique"]), required: true, maxLength: 150))
            \(Input.text("goal", "Objectif (matériels)", FormState(), type: "number", required: true))
            \(Input.text("startsOn", "Début", FormState(), type: "date", required: true))
            \(Input.text("endsOn", "Fin", FormState(), type: "date", required: true))
            \(Input.textarea("aims", "Objectifs du projet (un par ligne)", FormState(values: ["aims": "Réduire l'empreinte environnementale\\nFavoriser l'inclusion numérique\\nStimuler l'économie locale"]), maxLength: 2000))
            <button class="primary">Créer</button></form></details>
            """ : .empty
        let body: HTML = """
        <div class="page-head"><h1>La Grande Collecte Numérique</h1>
        <div class="actions"><a class="button" href="\(Site.charityIndex.path())">Associations</a> <a class="button" href="\(Site.pledgePublicForm.path())">Formulaire de don</a></div></div>
        \(campaigns.isEmpty ? UI.emptyState("Aucune campagne.") : HTML("<table class=\"list\"><thead><tr><th>Campagne</th><th>Période</th><th class=\"num\">Objectif</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(form)
        """
        return try await Layout.page(req, title: "Grande Collecte", body: body)
    }

    /// What the public sees: the aims, the figures of the latest campaign and how to give.
    static func publicPage(_ req: Request, campaign: CollectCampaign?) async throws -> Response {
        var figures: HTML = .empty
        if let campaign {
            let f = try await CollectQueries.figures(req.db, campaignID: campaign.requireID())
            figures = """
            <ul class="stats"><li><span>Matériels confiés en \(campaign.year)</span><strong>\(f.total - (f.byState[.pledged] ?? 0))</strong></li>
            <li><span>Remis à des associations</span><strong>\(f.byState[.handedOver] ?? 0)</strong></li></ul>
            <h2>Les objectifs</h2><ul>\(campaign.aimList.map { HTML("<li>\($0)</li>") })</ul>
            """
        }
        let body: HTML = """
        <h1>La Grande Collecte Numérique</h1>
        <p class="lead">Des ordinateurs réformés par les entreprises calédoniennes, effacés selon la norme NIST SP 800-88, reconditionnés
        par des entreprises locales et donnés à des associations qui œuvrent auprès des personnes éloignées du numérique.</p>
        \(figures)
        <p><a class="button primary" href="\(Site.pledgePublicForm.path())">Donner du matériel</a></p>
        """
        return try await Layout.page(req, title: "Grande Collecte", body: body)
    }

    static func create(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let year = Int(req.content[String.self, at: "year"] ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        let goal = Int(req.content[String.self, at: "goal"] ?? "").flatMap { $0 > 0 && $0 < 1_000_000 ? $0 : nil }
        let name = FieldCheck.trimmed(req.content[String.self, at: "name"])
        let start = FrenchDate.parse(req.content[String.self, at: "startsOn"] ?? ""), end = FrenchDate.parse(req.content[String.self, at: "endsOn"] ?? "")
        guard let year, let goal, !name.isEmpty, name.count <= 150, let start, let end, end >= start else {
            return req.redirect(to: Site.collecteIndex.path(), flash: "Campagne incomplète : année, nom, objectif positif et période valide.", .error)
        }
        if try await CollectCampaign.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year == year).first() != nil {
            return req.redirect(to: Site.collecteIndex.path(), flash: "Une campagne existe déjà pour \(year).", .error)
        }
        let c = CollectCampaign()
        c.$organisation.id = orgID; c.year = year; c.name = name; c.goalItems = goal; c.startsOn = start; c.endsOn = end
        c.aims = String(FieldCheck.trimmed(req.content[String.self, at: "aims"]).prefix(2000))
        try await c.create(on: req.db)
        return req.redirect(to: Site.collecteShow.path(year), flash: "Campagne \(year) créée.")
    }

    static func campaign(_ req: Request) async throws -> CollectCampaign {
        guard let year = req.parameters.get("year").flatMap(Int.init),
              let c = try await CollectCampaign.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID())).filter(\.$year == year).first()
        else { throw Abort(.notFound) }
        return c
    }

    static func show(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let c = try await campaign(req)
        let f = try await CollectQueries.figures(req.db, campaignID: c.requireID())
        let carbon = CarbonAvoided.total(counts: f.handedOverByType)
        let filter = ItemFilter(from: req)
        let (items, pages) = try await ItemFilter.page(req, campaignID: c.requireID(), filter: filter)
        let pledges = try await CollectPledge.query(on: req.db).filter(\.$campaign.$id == c.requireID()).sort(\.$createdAt, .descending).limit(100).all()
        let chart = BarChart(title: "Matériels par état", series: [.init(label: "Matériels", cssClass: "bar-received")],
                             groups: CollectItemState.allCases.sorted { $0.order < $1.order }.map { .init(label: $0.label, values: [f.byState[$0] ?? 0]) },
                             format: { String($0) }).render()
        func table(_ title: String, _ rows: [(String, Int)]) -> HTML {
            let lines = rows.map { HTML("<tr><td>\($0.0)</td><td class=\"num\">\($0.1)</td></tr>") }
            return "<section><h3>\(title)</h3>\(rows.isEmpty ? UI.emptyState("—") : HTML("<table class=\"list compact\"><tbody>\(lines)</tbody></table>"))</section>"
        }
        let pledgeRows = pledges.map { p in
            HTML("<tr><td><a href=\"\(Site.pledgeShow.path(p.id!))\">\(p.donorName)</a></td><td>\(p.contactName)</td><td>\(p.pickupOn.map(FrenchDate.long) ?? "à planifier")</td></tr>")
        }
        let body: HTML = """
        \(UI.breadcrumbs([("Grande Collecte", Site.collecteIndex.path()), (c.name + " \(c.year)", nil)]))
        <div class="page-head"><h1>\(c.name) \(c.year)</h1>
        \(req.viewer.isStaff ? HTML("<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.pledgeStaffForm.path(c.year))\">Enregistrer une promesse</a></div>") : .empty)</div>
        <ul class="stats">
        <li><span>Matériels</span><strong>\(f.total)</strong><small>objectif \(c.goalItems)</small></li>
        <li><span>Effacés (NIST SP 800-88)</span><strong>\(f.erasedShare.map { "\($0) %" } ?? "pas de donnée")</strong><small>\(f.erased) sur \(f.needingErasure) avec support de stockage</small></li>
        <li><span>Remis</span><strong>\(f.byState[.handedOver] ?? 0)</strong><small>\(f.averageDaysToHandover.map { "en \(Int($0.rounded())) jours en moyenne après la collecte" } ?? "délai : pas de donnée")</small></li>
        <li><span>CO2e évité</span><strong>\(Indicators.format(CarbonAvoided.tonnes(carbon.kg))) t</strong><small><a href="#methode">méthode</a></small></li>
        </ul>
        <p>Objectifs : \(c.aimList.joined(separator: " · "))</p>
        \(chart)
        <div class="columns">
        \(table("Par type", f.byType.sorted { $0.value > $1.value }.map { ($0.key.label, $0.value) }))
        \(table("Par donateur", Array(f.byDonor.prefix(15))))
        \(table("Par reconditionneur", f.byRefurbisher))
        \(table("Par association", f.byCharity))
        </div>
        <section id="methode" class="panel"><h2>CO2e évité : \(Indicators.format(carbon.kg.rounded())) kg</h2>
        <p class="pre">\(CarbonAvoided.methodText)</p>
        <table class="list compact"><thead><tr><th>Type</th><th class="num">Remis</th><th class="num">kg CO2e par matériel</th><th class="num">kg évités</th></tr></thead><tbody>
        \(DeviceType.allCases.filter { (f.handedOverByType[$0] ?? 0) > 0 }.map { t in HTML("<tr><td>\(t.label)</td><td class=\"num\">\(f.handedOverByType[t] ?? 0)</td><td class=\"num\">\(Indicators.format(CarbonAvoided.factors[t] ?? 0))</td><td class=\"num\">\(Indicators.format((carbon.perType[t] ?? 0).rounded()))</td></tr>") })
        </tbody></table>
        <p class="muted">\(carbon.uncounted > 0 ? "\(carbon.uncounted) matériel(s) sans facteur ADEME ne sont pas comptés. " : "")Sources : \(CarbonAvoided.sources.joined(separator: " ; "))</p></section>
        <h2>Promesses</h2>
        \(pledges.isEmpty ? UI.emptyState("Aucune promesse.") : HTML("<table class=\"list\"><thead><tr><th>Donateur</th><th>Contact</th><th>Enlèvement</th></tr></thead><tbody>\(pledgeRows)</tbody></table>"))
        <h2>Matériels</h2>
        \(ItemFilter.form(filter, action: Site.collecteShow.path(c.year)))
        \(ItemFilter.table(items))
        \(pages.links(path: Site.collecteShow.path(c.year), params: filter.params))
        """
        return try await Layout.page(req, title: "\(c.name) \(c.year)", body: body)
    }
}
