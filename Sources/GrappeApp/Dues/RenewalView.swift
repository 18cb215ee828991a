import Foundation
import GrappeDomain

/// The renewal campaign's page, drawn without a database: who is renewed for the year (category
/// and headcount changeable per line, the fee each gives, who confirmed), who is left out and
/// why, then the confirmation with the call's issue date. Field names carry the company's id:
/// `renew-<id>`, `category-<id>`, `headcount-<id>`.
enum RenewalView {
    static func render(_ preview: RenewalPreview, form: FormState, settings: RenewalSettings, csrf: HTML) -> HTML {
        let year = preview.year
        let gridNotice: HTML = preview.grid == nil
            ? "<p class=\"flash flash-error\">\(preview.gridProblem ?? "Aucun barème pour \(year).") Le renouvellement a besoin du barème \(year) : <a href=\"\(Site.feeScheduleEdit.path(year))\">créer ou compléter le barème \(year)</a>.</p>"
            : .empty
        let rows = preview.lines.map { line -> HTML in
            let id = line.companyID.uuidString
            let confirmation: HTML = line.confirmedAt.map { "\(UI.badge("confirmé", "ok")) le \(FrenchDate.short($0)) par \(line.confirmedBy ?? "—")" } ?? "—"
            let company: HTML = "<a href=\"\(Site.memberShow.path(line.companyID))\">\(line.companyName)</a>"
            guard !line.renewed else {
                return "<tr><td>\(UI.badge("déjà renouvelée", "info"))</td><td>\(company)</td><td>\(line.category.label)</td><td class=\"num\">\(line.headcount)</td><td></td><td>\(confirmation)</td></tr>"
            }
            let renew = form.values["year"] == nil || form["renew-\(id)"] == "1"
            let category = MembershipCategory(rawValue: form["category-\(id)"]) ?? line.category
            let headcountText = form.values["headcount-\(id)"] ?? String(line.headcount)
            let fee: HTML = Int(headcountText).flatMap { preview.fee(category: category, headcount: $0) }.map { UI.xpf($0) } ?? "—"
            let error = form.errors["headcount-\(id)"]
            let options = MembershipCategory.allCases.map { c -> HTML in "<option value=\"\(c.rawValue)\"\(HTML.flag(.selected, c == category))>\(c.label)</option>" }
            return """
            <tr><td><label><input type="checkbox" name="renew-\(id)" value="1"\(HTML.flag(.checked, renew))><span class="visually-hidden"> Renouveler \(line.companyName)</span></label></td>
            <td>\(company)</td>
            <td><label class="visually-hidden" for="category-\(id)">Catégorie de \(line.companyName)</label><select id="category-\(id)" name="category-\(id)">\(options)</select></td>
            <td class="num\(error != nil ? " has-error" : "")"><label class="visually-hidden" for="headcount-\(id)">Effectif de \(line.companyName)</label><input id="headcount-\(id)" name="headcount-\(id)" type="number" min="0" max="100000" value="\(headcountText)"\(HTML.attribute("aria-invalid", "true", when: error != nil))>\(error.map { HTML("<p class=\"error\">\($0)</p>") })</td>
            <td class="num">\(fee)</td><td>\(confirmation)</td></tr>
            """
        }
        let leftOut = preview.leftOut.map { l -> HTML in
            "<tr><td><a href=\"\(Site.memberShow.path(l.companyID))\">\(l.companyName)</a></td><td>\(l.reason)</td></tr>"
        }
        let pending = preview.toRenew.count
        let confirmed = preview.lines.filter { $0.confirmedAt != nil }.count
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Renouvellement \(year)", nil)]))
        <div class="page-head"><h1>Renouvellement des adhésions \(year)</h1>
        <div class="actions"><a class="button" href="\(Site.renewalSettings.path())">Réglages du renouvellement</a></div></div>
        <p class="lead">Les adhérents actifs en \(year - 1) sont renouvelés pour \(year) avec leur catégorie et leur effectif (modifiables ligne par ligne) ; \
        la confirmation crée en une fois les adhésions \(year), les cotisations chiffrées au barème \(year) et envoie l'appel à chaque titulaire. \
        Relancer ne crée rien deux fois.</p>
        <p>\(French.count(pending, "adhérent à renouveler", "adhérents à renouveler")) · \(French.count(confirmed, "confirmation reçue", "confirmations reçues")) des adhérents · \
        sans confirmation ni paiement au \(FrenchDate.long(RenewalRule.lapseDate(year: year, month: settings.lapseMonth, day: settings.lapseDay, calendar: FrenchDate.calendar))), une adhésion renouvelée devient « non renouvelée ».</p>
        \(gridNotice)
        \(form.summary)
        \([form.errors["grid"], form.errors["renew"]].compactMap { $0 }.map { HTML("<p class=\"flash flash-error\">\($0)</p>") })
        <form method="post" action="\(Site.renewalRun.path())">\(csrf)
        <input type="hidden" name="year" value="\(year)">
        \(preview.lines.isEmpty ? UI.emptyState("Aucun adhérent actif en \(year - 1).") : """
        <table class="list"><caption>Adhérents renouvelés</caption><thead><tr><th>Renouveler</th><th>Entreprise</th><th>Catégorie</th><th class="num">Effectif</th><th class="num">Cotisation \(year)</th><th>Confirmation de l'adhérent</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """)
        \(Input.text("issuedOn", "Date d'émission des appels", form, type: "date", required: true))
        <button class="primary"\(HTML.flag(.disabled, preview.grid == nil || pending == 0))>Confirmer le renouvellement \(year) (\(French.count(pending, "adhésion", "adhésions")))</button>
        </form>
        <h2>Non renouvelés</h2>
        \(leftOut.isEmpty ? UI.emptyState("Aucun adhérent \(year - 1) laissé de côté.") : "<table class=\"list\"><thead><tr><th>Entreprise</th><th>Raison</th></tr></thead><tbody>\(leftOut)</tbody></table>")
        """
    }
}
