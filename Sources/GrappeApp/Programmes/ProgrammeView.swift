import Fluent
import Foundation
import GrappeDomain

/// The programme pages, drawn without a database: the list, a programme's page from its
/// `ProgrammePage` (`csrf` is the page's hidden token field and `indicatorForm` the form to add
/// an indicator, staff only, both given by the controller) and a consortium company's summary.
enum ProgrammeView {
    /// The programmes with their funders loaded; `staff`: the button to create one.
    static func list(_ programmes: [Programme], staff: Bool) -> HTML {
        let rows = programmes.map { p -> HTML in
            """
            <li class="card"><h2><a href="\(Site.programmeShow.path(p.slug))">\(p.name)</a> \(statusBadge(p))</h2>
            <p class="muted">\(FrenchDate.monthYear(p.startsOn)) – \(FrenchDate.monthYear(p.endsOn)) · \(p.funders.map(\.name).joined(separator: ", "))</p>
            <p>\(Markdown.excerpt(p.about, maxLength: 240))</p></li>
            """
        }
        return """
        <div class="page-head"><h1>Programmes</h1>
        \(staff ? HTML("<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.programmeFormNewForm.path())\">Nouveau programme</a></div>") : .empty)</div>
        \(programmes.isEmpty ? UI.emptyState("Aucun programme enregistré.") : HTML("<ul class=\"cards\">\(rows)</ul>"))
        """
    }

    static func statusBadge(_ p: Programme) -> HTML { UI.badge(p.status.label, p.status == .running ? "ok" : "info") }

    static func render(_ page: ProgrammePage, csrf: HTML, indicatorForm: HTML?) -> HTML {
        let p = page.programme
        let actions = page.actions
        let communes = page.communes
        let animators = page.animators
        let names = page.companyNames
        let indicatorRows = page.indicators.map { indicatorRow($0, page: page, csrf: csrf) }
        let communeRows = communes.map { HTML("<tr><td>\($0.commune)</td><td class=\"num\">\($0.count)</td><td class=\"num\">\($0.participants)</td></tr>") }
        let animatorRows = animators.map { a -> HTML in
            let link: HTML = a.companyID.map { id in HTML("<a href=\"\(Site.programmeAnimator.path(p.slug, id))\">\(a.name)</a>") } ?? "\(a.name)"
            return "<tr><td>\(link)</td><td class=\"num\">\(a.actions)</td><td class=\"num\">\(a.participants)</td></tr>"
        }
        let actionRows = actions.prefix(200).map { a -> HTML in
            """
            <tr><td>\(FrenchDate.short(a.date))</td><td>\(a.theme)</td><td>\(a.commune)</td><td>\(a.$animatorCompany.id.flatMap { names[$0] } ?? "—")</td>
            <td class="num">\(a.participants)</td><td>\(AudienceCounts.parse(a.audiencesText).sorted { $0.key < $1.key }.map { "\(Audience(rawValue: $0.key)?.label ?? $0.key) : \($0.value)" }.joined(separator: ", "))</td>
            <td>\(page.staff ? HTML("<a href=\"\(Site.actionEditForm.path(p.slug, a.id!))\">Modifier</a>") : .empty)</td></tr>
            """
        }
        let consortium = page.consortium
        return """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, nil)]))
        <div class="page-head"><h1>\(p.name) \(statusBadge(p))</h1>
        \(page.staff ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(Site.programmeFormEditForm.path(p.slug))\">Modifier</a> <a class=\"button\" href=\"\(Site.actionNewForm.path(p.slug))\">Ajouter une action</a> <a class=\"button\" href=\"\(Site.actionImportForm.path(p.slug))\">Importer des actions</a></div>") : .empty)</div>
        <p class="muted">Du \(FrenchDate.long(p.startsOn)) au \(FrenchDate.long(p.endsOn)) · axes : \(p.axes.map(\.label).joined(separator: ", ").nonEmpty ?? "—")</p>
        <div class="prose">\(HTML.markdown(p.about))</div>
        <dl class="facts"><dt>Financeurs</dt><dd>\(page.funders.joined(separator: ", ").nonEmpty ?? "—")</dd>
        <dt>Partenaires</dt><dd>\(page.partners.joined(separator: ", ").nonEmpty ?? "—")</dd>
        <dt>Consortium</dt><dd>\(consortium.isEmpty ? "—" : "\(consortium.count) entreprises : " + consortium.map(\.name).joined(separator: ", "))</dd></dl>
        <h2>Objectifs</h2>
        \(page.indicators.isEmpty ? UI.emptyState("Aucun indicateur.") : HTML("<table class=\"list\"><thead><tr><th>Indicateur</th><th class=\"num\">Réalisé / cible</th><th>Avancement</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(indicatorRows)</tbody></table>"))
        \(indicatorForm)
        <h2>Actions (\(actions.count))</h2>
        \(actions.isEmpty ? UI.emptyState("Aucune action enregistrée.") : chart(page))
        <div class="columns">
        <section><h3>Par commune</h3>\(communes.isEmpty ? UI.emptyState("—") : HTML("<table class=\"list compact\"><thead><tr><th>Commune</th><th class=\"num\">Actions</th><th class=\"num\">Participants</th></tr></thead><tbody>\(communeRows)</tbody></table>"))</section>
        <section><h3>Par animateur</h3>\(animators.isEmpty ? UI.emptyState("—") : HTML("<table class=\"list compact\"><thead><tr><th>Animateur</th><th class=\"num\">Actions</th><th class=\"num\">Participants</th></tr></thead><tbody>\(animatorRows)</tbody></table>"))</section>
        </div>
        \(page.insider && !actions.isEmpty ? HTML("<h3>Détail des actions</h3><table class=\"list\"><thead><tr><th>Date</th><th>Thème</th><th>Commune</th><th>Animateur</th><th class=\"num\">Participants</th><th>Publics</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(actionRows)</tbody></table>") : .empty)
        """
    }

    static func indicatorRow(_ line: IndicatorLine, page: ProgrammePage, csrf: HTML) -> HTML {
        let i = line.indicator
        let id = i.id!.uuidString
        let value = line.value.map { Indicators.format($0) } ?? "pas de donnée"
        let manual: HTML = page.staff && i.source == .manual ? """
            <form method="post" action="\(Site.indicatorAddValue.path(page.programme.slug, i.id!))" class="inline-form">\(csrf)
            <label class="visually-hidden" for="v-\(id)">Valeur</label><input id="v-\(id)" name="value" inputmode="decimal" required size="6" placeholder="valeur">
            <label class="visually-hidden" for="d-\(id)">Date</label><input id="d-\(id)" name="date" type="date" required>
            <label class="visually-hidden" for="s-\(id)">Source</label><input id="s-\(id)" name="source" required maxlength="200" placeholder="source">
            <button class="secondary">Saisir</button></form>
            """ : .empty
        return """
        <tr><td>\(i.name)<br><small class="muted">\(i.source.label)\(i.audience.isEmpty ? "" : " : \(Audience(loose: i.audience)?.label ?? i.audience)")\(line.latestEntry.map { " · saisi le \(FrenchDate.short($0.date)), source : \($0.sourceNote)" } ?? "")</small></td>
        <td class="num">\(value) / \(Indicators.format(i.target)) \(i.unit)</td>
        <td>\(line.progress.map { HTML("<progress max=\"100\" value=\"\(min($0, 100))\">\($0) %</progress> <strong>\($0) %</strong>") } ?? "—")
        \(line.behind ? UI.badge("en retard", "warn") : .empty)</td><td>\(manual)</td></tr>
        """
    }

    /// Actions per month; beyond two years, a bar per year reads better than one per month.
    static func chart(_ page: ProgrammePage) -> HTML {
        let months = page.months
        let yearly = months.count > 24
        let groups: [BarChart.Group] = yearly
            ? Dictionary(grouping: months, by: \.year).sorted { $0.key < $1.key }.map { .init(label: String($0.key), values: [$0.value.map(\.count).reduce(0, +)]) }
            : months.map { .init(label: "\(FrenchDate.monthName($0.month)) \($0.year)", values: [$0.count]) }
        return BarChart(title: "Actions de « \(page.programme.name) » par \(yearly ? "année" : "mois")", series: [.init(label: "Actions", cssClass: "bar-received")],
                        groups: groups, format: { String($0) }).render()
    }

    /// A consortium company's own summary: the actions it animated in `p`.
    static func animator(_ p: Programme, company: Company, actions: [ProgrammeAction]) -> HTML {
        let facts = ProgrammeQueries.facts(actions)
        let rows = actions.map { a in
            HTML("<tr><td>\(FrenchDate.short(a.date))</td><td>\(a.theme)</td><td>\(a.commune)</td><td>\(a.animators)</td><td class=\"num\">\(a.participants)</td></tr>")
        }
        return """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, Site.programmeShow.path(p.slug)), (company.name, nil)]))
        <h1>\(company.name) dans « \(p.name) »</h1>
        <ul class="stats"><li><span>Actions animées</span><strong>\(actions.count)</strong></li>
        <li><span>Participants</span><strong>\(facts.map(\.participants).reduce(0, +))</strong></li>
        <li><span>Communes</span><strong>\(Indicators.perCommune(facts).count)</strong></li></ul>
        \(actions.isEmpty ? UI.emptyState("Aucune action animée pour le moment.") : HTML("<table class=\"list\"><thead><tr><th>Date</th><th>Thème</th><th>Commune</th><th>Animateurs</th><th class=\"num\">Participants</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
    }

    /// The staff's form to add an indicator to `p`, open when `state` carries errors.
    static func indicatorForm(_ p: Programme, state: FormState, csrf: HTML) -> HTML {
        """
        <details\(HTML.flag(.open, !state.errors.isEmpty))><summary>Ajouter un indicateur</summary>
        \(state.summary)
        <form method="post" action="\(Site.indicatorCreate.path(p.slug))" class="inline-form">\(csrf)
        \(Input.text("name", "Intitulé", state, required: true, maxLength: 150))
        \(Input.text("target", "Cible", state, required: true, extra: " inputmode=\"decimal\""))
        \(Input.text("unit", "Unité", state, maxLength: 40, hint: "sensibilisations, ateliers, communes…"))
        \(Input.select("source", "Calcul", state, options: IndicatorSource.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("audience", "Public (pour « participants d'un public »)", state, options: Audience.allCases.map { ($0.rawValue, $0.label) }, blank: "—"))
        <button class="primary">Ajouter</button></form></details>
        """
    }
}
