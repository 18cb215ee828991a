import Foundation
import GrappeDomain

/// A year's dues, drawn without a request: totals, chart, list and links to the other years.
/// `staff`: the yearly call's form, its issue date `now` by default.
enum DuesDashboardView {
    static func render(year: Int, years: [Int], state: DueQueries.State?, totals: [MembershipCategory: DuesTotals],
                       dues: [DueSummary], pages: Pagination, hasSchedule: Bool, pendingCall: Int,
                       staff: Bool, now: Date, csrf: HTML) -> HTML {
        let all = DuesTotals.sum(totals.values)
        let chart = BarChart(title: "Cotisations \(year) : attendu et reçu par catégorie",
                             series: [.init(label: "Attendu", cssClass: "bar-expected"), .init(label: "Reçu", cssClass: "bar-received")],
                             groups: MembershipCategory.allCases.map { c in
                                 .init(label: c.label, values: [totals[c]?.expected ?? 0, totals[c]?.received ?? 0])
                             }).render()
        let categoryRows = MembershipCategory.allCases.map { c -> HTML in
            let t = totals[c] ?? DuesTotals()
            return "<tr><th scope=\"row\">\(c.label)</th><td class=\"num\">\(t.count)</td><td class=\"num\">\(Money.xpf(t.expected))</td><td class=\"num\">\(Money.xpf(t.received))</td><td class=\"num\">\(Money.xpf(t.outstanding))</td></tr>"
        }
        let lines = dues.map { d -> HTML in
            "<tr><td><a href=\"\(Site.dueShow.path(d.id))\">\(d.number)</a></td><td><a href=\"\(Site.memberShow.path(d.companyID))\">\(d.companyName)</a></td><td>\(d.category.label)</td><td class=\"num\">\(Money.xpf(d.amount))</td><td class=\"num\">\(Money.xpf(d.paid))</td><td>\(d.isPaid ? UI.badge("Réglée", "ok") : UI.badge("Reste \(Money.xpf(d.balance))", "warn"))</td></tr>"
        }
        let params = ["annee": String(year), "etat": state?.rawValue ?? ""]
        let callForm: HTML = staff ? """
        <form method="post" action="\(Site.duesDashboardCall.path())" class="inline-form">\(csrf)
        <input type="hidden" name="year" value="\(year)">
        \(Input.text("issuedOn", "Date d'émission", FormState(values: ["issuedOn": FrenchDate.iso(now)]), type: "date"))
        <button class="primary"\(HTML.flag(.disabled, !(hasSchedule && pendingCall > 0)))>Lancer l'appel de cotisations \(year) (\(pendingCall) à émettre)</button>
        </form>
        \(hasSchedule ? HTML.empty : HTML("<p class=\"flash flash-info\">Aucun barème pour \(year) : <a href=\"\(Site.feeScheduleIndex.path())\">créez-le</a> avant de lancer l'appel.</p>"))
        \(hasSchedule && pendingCall == 0 ? HTML("<p class=\"flash flash-info\">Aucune cotisation à émettre : aucune adhésion active de \(year) n'attend la sienne. Pour renouveler les adhérents de \(year - 1) et leur envoyer l'appel \(year), <a href=\"\(Site.renewalPreview.path())?annee=\(year)\">préparez le renouvellement \(year)</a>.</p>") : .empty)
        """ : .empty
        let yearLinks = years.map { y -> HTML in
            y == year ? "<strong>\(y)</strong>" : "<a href=\"\(Site.duesDashboardIndex.path())?annee=\(y)\">\(y)</a>"
        }
        return """
        <div class="page-head"><h1>Cotisations \(year)</h1>
        <div class="actions"><a class="button" href="\(Site.feeScheduleIndex.path())">Barèmes</a> <a class="button" href="\(Site.reminderIndex.path())?annee=\(year)">Relances</a>\(staff ? " <a class=\"button\" href=\"\(Site.renewalPreview.path())?annee=\(year + 1)\">Renouvellement \(year + 1)</a>" as HTML : .empty)
        <a class="button" href="\(Site.duesDashboardExportCSV.path())?annee=\(year)">Exporter (CSV)</a>
        <a class="button" href="\(Site.statementForm.path())">Importer un relevé bancaire</a></div></div>
        <p class="years">Années : \(yearLinks.joined(separator: " · "))</p>
        <ul class="stats">
        <li><span>Attendu</span><strong>\(Money.xpf(all.expected))</strong></li>
        <li><span>Reçu</span><strong>\(Money.xpf(all.received))</strong></li>
        <li><span>Reste à encaisser</span><strong>\(Money.xpf(all.outstanding))</strong></li>
        <li><span>Cotisations réglées</span><strong>\(all.paidCount) / \(all.count)</strong></li>
        </ul>
        \(callForm)
        \(all.count == 0 ? UI.emptyState("Aucune cotisation émise pour \(year).") : chart)
        <table class="list"><caption>Par catégorie</caption><thead><tr><th>Catégorie</th><th class="num">Cotisations</th><th class="num">Attendu</th><th class="num">Reçu</th><th class="num">Reste</th></tr></thead><tbody>\(categoryRows)</tbody></table>
        <h2>Cotisations émises</h2>
        <p class="filters-inline">Afficher : <a href="\(Site.duesDashboardIndex.path())?annee=\(year)">toutes</a> · \(DueQueries.State.allCases.map { s in "<a href=\"\(Site.duesDashboardIndex.path())?annee=\(year)&etat=\(s.rawValue)\">\(s.label.lowercased())</a>" as HTML }.joined(separator: " · "))</p>
        \(dues.isEmpty ? UI.emptyState("Aucune cotisation dans cette sélection.") : "<table class=\"list\"><thead><tr><th>Numéro</th><th>Entreprise</th><th>Catégorie</th><th class=\"num\">Montant</th><th class=\"num\">Réglé</th><th>Solde</th></tr></thead><tbody>\(lines)</tbody></table>")
        \(pages.links(path: Site.duesDashboardIndex.path(), params: params))
        """
    }
}
