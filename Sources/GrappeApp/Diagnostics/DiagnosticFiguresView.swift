import Foundation
import GrappeDomain

/// The staff's figures of the diagnostics, drawn without a database: one year or since the
/// start (`year` nil), the years side by side, the averages per dimension, the breakdowns by
/// level, activity and commune, the follow-ups and the Province Sud's grants; and the table as CSV.
enum DiagnosticFiguresView {
    static func page(_ figures: DiagnosticFigures, year: Int?) -> HTML {
        let head: HTML = """
        \(UI.breadcrumbs([("Diagnostics", Site.diagnosticAdminIndex.path()), ("Chiffres", nil)]))
        <div class="page-head"><h1>Diagnostics en chiffres</h1>\(figures.isEmpty ? .empty : HTML("<div class=\"actions\"><a class=\"button\" href=\"\(Site.diagnosticAdminFiguresCSV.path())\">Tableau (CSV)</a></div>"))</div>
        """
        guard let first = figures.first else {
            return "\(head)\(UI.emptyState("Aucun diagnostic clos : les chiffres apparaîtront avec le premier."))"
        }
        let t = figures.tally(year)
        let scope = year.map { "en \($0)" } ?? "depuis \(FrenchDate.monthYear(first))"
        let body: HTML = t.diagnostics == 0 ? UI.emptyState("Aucun diagnostic clos \(scope).") : """
            \(stats(t, scope: scope))
            <p class="lead">\(basis(t))</p>
            <h2>Score moyen par dimension</h2>
            \(dimensions(t))
            <div class="columns">
            <section><h3>Par niveau</h3>\(levels(figures.levelCounts(year)))</section>
            <section><h3>Par activité</h3>\(table(figures.activities(year).map { (activityName($0.activity), $0.count) }, heading: "Activité", empty: "Aucun diagnostic compté."))</section>
            <section><h3>Par commune</h3>\(table(figures.communes(year).map { ($0.name, $0.count) }, heading: "Commune", empty: "Aucun diagnostic compté."))</section>
            </div>
            <h2>Aide de la province Sud</h2>
            \(grants(t))
            """
        return """
        \(head)
        \(yearLinks(figures.years, selected: year))
        \(body)
        <h2>D'une année à l'autre</h2>
        \(years(figures))
        """
    }

    /// « Artisanale », « Commerciale », « Autre ».
    static func activityName(_ a: BusinessActivity) -> String { a.label.prefix(1).uppercased() + a.label.dropFirst() }

    static func yearLinks(_ years: [Int], selected: Int?) -> HTML {
        let all: HTML = selected == nil ? "<strong>Depuis le début</strong>" : "<a href=\"\(Site.diagnosticAdminFigures.path())\">Depuis le début</a>"
        let links = years.map { y -> HTML in y == selected ? "<strong>\(y)</strong>" : "<a href=\"\(Site.diagnosticAdminFigures.path())?annee=\(y)\">\(y)</a>" }
        return "<p class=\"years\">Période : \(([all] + links).joined(separator: " · "))</p>"
    }

    static func stats(_ t: DiagnosticTally, scope: String) -> HTML {
        let score = t.averageOverall.map { "\(DiagnosticScoring.shown($0)) / 100" } ?? "—"
        return """
        <ul class="stats">
        <li><span>Diagnostics réalisés</span><strong>\(Money.grouped(t.diagnostics))</strong><small>\(scope)</small></li>
        <li><span>Score moyen</span><strong>\(score)</strong><small>\(t.averageLevel.map { "niveau \($0.label.lowercased())" } ?? "aucun diagnostic compté")</small></li>
        <li><span>Suivis</span><strong>\(t.followUps)</strong><small>\(t.averageChange.map { "évolution moyenne \(DiagnosticTally.changeLabel($0))" } ?? "aucune évolution comptée")</small></li>
        <li><span>Aides obtenues</span><strong>\(t.grantsGranted)</strong><small>\(Money.xpf(t.grantedTotal)) accordés</small></li>
        </ul>
        """
    }

    /// Which diagnostics the averages and breakdowns count.
    static func basis(_ t: DiagnosticTally) -> String {
        let base = t.counted == t.diagnostics ? "tous les diagnostics" : "\(t.counted) des \(ReportFigure.count(t.diagnostics, "diagnostic", "diagnostics"))"
        return "Les totaux comptent chaque diagnostic clos ; les moyennes et les ventilations par niveau, activité et commune comptent \(base), ceux dont l'entreprise a accepté les statistiques."
    }

    static func dimensions(_ t: DiagnosticTally) -> HTML {
        guard t.counted > 0 else { return UI.emptyState("Aucun diagnostic compté dans les statistiques.") }
        let rows = DiagnosticDimension.allCases.map { d in
            HTML("<tr><th scope=\"row\">\(d.number). \(d.title)</th><td class=\"num\">\(t.average(d).map { Indicators.format(($0 * 10).rounded() / 10) } ?? "—")</td></tr>")
        }
        let overall = t.averageOverall.map { Indicators.format(($0 * 10).rounded() / 10) } ?? "—"
        return """
        <table class="list"><thead><tr><th>Dimension</th><th class="num">Score moyen (sur 100)</th></tr></thead>
        <tbody>\(rows)</tbody><tfoot><tr><th scope="row">Score global</th><td class="num">\(overall)</td></tr></tfoot></table>
        """
    }

    static func levels(_ counts: [(level: MaturityLevel, count: Int)]) -> HTML {
        guard counts.contains(where: { $0.count > 0 }) else { return UI.emptyState("Aucun diagnostic compté.") }
        return table(counts.map { ("\($0.level.label) (\($0.level.range.lowerBound) à \($0.level.range.upperBound))", $0.count) }, heading: "Niveau", empty: "")
    }

    static func table(_ rows: [(String, Int)], heading: String, empty: String) -> HTML {
        guard !rows.isEmpty else { return UI.emptyState(empty) }
        let lines = rows.map { HTML("<tr><td>\($0.0)</td><td class=\"num\">\($0.1)</td></tr>") }
        return "<table class=\"list compact\"><thead><tr><th>\(heading)</th><th class=\"num\">Diagnostics</th></tr></thead><tbody>\(lines)</tbody></table>"
    }

    static func grants(_ t: DiagnosticTally) -> HTML {
        guard t.grantsFiled > 0 else { return UI.emptyState("Aucune demande d'aide enregistrée.") }
        return """
        <dl class="facts"><dt>Demandes d'aide</dt><dd>\(t.grantsFiled)</dd><dt>Obtenues</dt><dd>\(t.grantsGranted)</dd>
        <dt>Refusées</dt><dd>\(t.grantsRefused)</dd><dt>En attente de réponse</dt><dd>\(t.grantsAsked)</dd>
        <dt>Total accordé</dt><dd>\(UI.xpf(t.grantedTotal))</dd></dl>
        """
    }

    static func years(_ figures: DiagnosticFigures) -> HTML {
        let rows = figures.years.map { y in row(String(y), figures.tally(y), link: "\(Site.diagnosticAdminFigures.path())?annee=\(y)") }
        return """
        <table class="list"><thead><tr><th>Année</th><th class="num">Diagnostics</th><th class="num">Suivis</th><th class="num">Score moyen</th><th>Niveau moyen</th>
        <th class="num">Demandes d'aide</th><th class="num">Aides obtenues</th><th class="num">Montant accordé</th></tr></thead>
        <tbody>\(rows)</tbody><tfoot>\(row("Depuis le début", figures.tally(nil), link: nil))</tfoot></table>
        """
    }

    static func row(_ label: String, _ t: DiagnosticTally, link: String?) -> HTML {
        let name: HTML = link.map { "<a href=\"\($0)\">\(label)</a>" } ?? "\(label)"
        return """
        <tr><th scope="row">\(name)</th><td class="num">\(t.diagnostics)</td><td class="num">\(t.followUps)</td>
        <td class="num">\(t.averageOverall.map { String(DiagnosticScoring.shown($0)) } ?? "—")</td><td>\(t.averageLevel?.label ?? "—")</td>
        <td class="num">\(t.grantsFiled)</td><td class="num">\(t.grantsGranted)</td><td class="num">\(UI.xpf(t.grantedTotal))</td></tr>
        """
    }

    static let csvHeader = ["Année", "Diagnostics", "Comptés dans les statistiques", "Score moyen"]
        + DiagnosticDimension.allCases.map { "Score \($0.shortTitle)" }
        + ["Niveau moyen"] + MaturityLevel.allCases.map { "Niveau \($0.label)" } + BusinessActivity.allCases.map { "Activité \($0.label)" }
        + ["Suivis", "Évolution moyenne (points)", "Demandes d'aide", "Aides obtenues", "Aides refusées", "Montant accordé (XPF)"]

    /// One line per year and one since the start.
    static func csv(_ figures: DiagnosticFigures) -> String {
        let scopes: [(String, Int?)] = figures.years.map { (String($0), $0) } + (figures.isEmpty ? [] : [("Depuis le début", nil)])
        let decimal = { (v: Double?) in v.map { Indicators.format(($0 * 10).rounded() / 10) } ?? "" }
        let rows = scopes.map { label, year -> [String] in
            let t = figures.tally(year)
            let levels = figures.levelCounts(year), activities = figures.activities(year)
            return [label, String(t.diagnostics), String(t.counted), decimal(t.averageOverall)]
                + DiagnosticDimension.allCases.map { decimal(t.average($0)) }
                + [t.averageLevel?.label ?? ""] + levels.map { String($0.count) }
                + BusinessActivity.allCases.map { a in String(activities.first { $0.activity == a }?.count ?? 0) }
                + [String(t.followUps), decimal(t.averageChange), String(t.grantsFiled), String(t.grantsGranted), String(t.grantsRefused), String(t.grantedTotal)]
        }
        return CSVTable.write(header: csvHeader, rows: rows)
    }
}
