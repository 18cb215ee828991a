import Fluent
import Foundation
import GrappeDomain

/// The Grande Collecte's pages, drawn without a database: the campaigns for staff and board,
/// what the public sees, and a campaign's figures, pledges and items (`CampaignPage`).
enum CollecteView {
    /// `staff`: the form to open a campaign, its year preset to `now`'s.
    static func index(_ campaigns: [CollectCampaign], staff: Bool, now: Date, csrf: HTML) -> HTML {
        let rows = campaigns.map { c in
            HTML("<tr><td><a href=\"\(Site.collecteShow.path(c.year))\">\(c.name)</a></td><td>\(FrenchDate.short(c.startsOn)) – \(FrenchDate.short(c.endsOn))</td><td class=\"num\">\(c.goalItems)</td></tr>")
        }
        let form: HTML = staff ? """
            <details><summary>Nouvelle campagne</summary>
            <form method="post" action="\(Site.collecteCreate.path())" class="inline-form">\(csrf)
            \(Input.text("year", "Année", FormState(values: ["year": String(FrenchDate.year(of: now))]), type: "number", required: true))
            \(Input.text("name", "Nom", FormState(values: ["name": "La Grande Collecte Numérique"]), required: true, maxLength: 150))
            \(Input.text("goal", "Objectif (matériels)", FormState(), type: "number", required: true))
            \(Input.text("startsOn", "Début", FormState(), type: "date", required: true))
            \(Input.text("endsOn", "Fin", FormState(), type: "date", required: true))
            \(Input.textarea("aims", "Objectifs du projet (un par ligne)", FormState(values: ["aims": "Réduire l'empreinte environnementale\\nFavoriser l'inclusion numérique\\nStimuler l'économie locale"]), maxLength: 2000))
            <button class="primary">Créer</button></form></details>
            """ : .empty
        return """
        <div class="page-head"><h1>La Grande Collecte Numérique</h1>
        <div class="actions"><a class="button" href="\(Site.charityIndex.path())">Associations</a> <a class="button" href="\(Site.pledgePublicForm.path())">Formulaire de don</a></div></div>
        \(campaigns.isEmpty ? UI.emptyState("Aucune campagne.") : HTML("<table class=\"list\"><thead><tr><th>Campagne</th><th>Période</th><th class=\"num\">Objectif</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(form)
        """
    }

    /// What the public sees: the aims, the figures of the latest campaign (if any) and how to give.
    static func publicPage(latest: (campaign: CollectCampaign, figures: CollectFigures)?) -> HTML {
        var figures: HTML = .empty
        if let latest {
            let campaign = latest.campaign, f = latest.figures
            figures = """
            <ul class="stats"><li><span>Matériels confiés en \(campaign.year)</span><strong>\(f.total - (f.byState[.pledged] ?? 0))</strong></li>
            <li><span>Remis à des associations</span><strong>\(f.byState[.handedOver] ?? 0)</strong></li></ul>
            <h2>Les objectifs</h2><ul>\(campaign.aimList.map { HTML("<li>\($0)</li>") })</ul>
            """
        }
        return """
        <h1>La Grande Collecte Numérique</h1>
        <p class="lead">Des ordinateurs réformés par les entreprises calédoniennes, effacés selon la norme NIST SP 800-88, reconditionnés
        par des entreprises locales et donnés à des associations qui œuvrent auprès des personnes éloignées du numérique.</p>
        \(figures)
        <p><a class="button primary" href="\(Site.pledgePublicForm.path())">Donner du matériel</a></p>
        """
    }

    static func campaign(_ page: CampaignPage) -> HTML {
        let c = page.campaign
        let f = page.figures
        let carbon = CarbonAvoided.total(counts: f.handedOverByType)
        let chart = BarChart(title: "Matériels par état", series: [.init(label: "Matériels", cssClass: "bar-received")],
                             groups: CollectItemState.allCases.sorted { $0.order < $1.order }.map { .init(label: $0.label, values: [f.byState[$0] ?? 0]) },
                             format: { String($0) }).render()
        let pledgeRows = page.pledges.map { p in
            HTML("<tr><td><a href=\"\(Site.pledgeShow.path(p.id!))\">\(p.donorName)</a></td><td>\(p.contactName)</td><td>\(p.pickupOn.map(FrenchDate.long) ?? "à planifier")</td></tr>")
        }
        return """
        \(UI.breadcrumbs([("Grande Collecte", Site.collecteIndex.path()), (c.name + " \(c.year)", nil)]))
        <div class="page-head"><h1>\(c.name) \(c.year)</h1>
        \(page.staff ? HTML("<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.pledgeStaffForm.path(c.year))\">Enregistrer une promesse</a></div>") : .empty)</div>
        <ul class="stats">
        <li><span>Matériels</span><strong>\(f.total)</strong><small>objectif \(c.goalItems)</small></li>
        <li><span>Effacés (NIST SP 800-88)</span><strong>\(f.erasedShare.map { "\($0) %" } ?? "pas de donnée")</strong><small>\(f.erased) sur \(f.needingErasure) avec support de stockage</small></li>
        <li><span>Remis</span><strong>\(f.byState[.handedOver] ?? 0)</strong><small>\(f.averageDaysToHandover.map { "en \(Int($0.rounded())) jours en moyenne après la collecte" } ?? "délai : pas de donnée")</small></li>
        <li><span>CO2e évité</span><strong>\(Indicators.format(CarbonAvoided.tonnes(carbon.kg))) t</strong><small><a href="#methode">méthode</a></small></li>
        </ul>
        <p>Objectifs : \(c.aimList.joined(separator: " · "))</p>
        \(chart)
        <div class="columns">
        \(tally("Par type", f.byType.sorted { $0.value > $1.value }.map { ($0.key.label, $0.value) }))
        \(tally("Par donateur", Array(f.byDonor.prefix(15))))
        \(tally("Par reconditionneur", f.byRefurbisher))
        \(tally("Par association", f.byCharity))
        </div>
        <section id="methode" class="panel"><h2>CO2e évité : \(Indicators.format(carbon.kg.rounded())) kg</h2>
        <p class="pre">\(CarbonAvoided.methodText)</p>
        <table class="list compact"><thead><tr><th>Type</th><th class="num">Remis</th><th class="num">kg CO2e par matériel</th><th class="num">kg évités</th></tr></thead><tbody>
        \(DeviceType.allCases.filter { (f.handedOverByType[$0] ?? 0) > 0 }.map { t in HTML("<tr><td>\(t.label)</td><td class=\"num\">\(f.handedOverByType[t] ?? 0)</td><td class=\"num\">\(Indicators.format(CarbonAvoided.factors[t] ?? 0))</td><td class=\"num\">\(Indicators.format((carbon.perType[t] ?? 0).rounded()))</td></tr>") })
        </tbody></table>
        <p class="muted">\(carbon.uncounted > 0 ? "\(French.count(carbon.uncounted, "matériel sans facteur ADEME n'est pas compté", "matériels sans facteur ADEME ne sont pas comptés")). " : "")Sources : \(CarbonAvoided.sources.joined(separator: " ; "))</p></section>
        <h2>Promesses</h2>
        \(page.pledges.isEmpty ? UI.emptyState("Aucune promesse.") : HTML("<table class=\"list\"><thead><tr><th>Donateur</th><th>Contact</th><th>Enlèvement</th></tr></thead><tbody>\(pledgeRows)</tbody></table>"))
        <h2>Matériels</h2>
        \(ItemView.filters(page.filter, action: Site.collecteShow.path(c.year)))
        \(ItemView.table(page.items))
        \(page.pages.links(path: Site.collecteShow.path(c.year), params: page.filter.params))
        """
    }

    /// One column of counts (« Par type », « Par donateur »…).
    static func tally(_ title: String, _ rows: [(String, Int)]) -> HTML {
        let lines = rows.map { HTML("<tr><td>\($0.0)</td><td class=\"num\">\($0.1)</td></tr>") }
        return "<section><h3>\(title)</h3>\(rows.isEmpty ? UI.emptyState("—") : HTML("<table class=\"list compact\"><tbody>\(lines)</tbody></table>"))</section>"
    }
}
