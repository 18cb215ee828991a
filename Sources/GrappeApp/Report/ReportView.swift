import Fluent
import Foundation
import GrappeDomain

/// The staff's report pages, drawn without a database: the years, and one year's preparation
/// from its `ReportPage` (`csrf` is the page's token field).
enum ReportView {
    /// `frozenAt`: when each published year was frozen.
    static func index(years: [Int], frozenAt: [Int: Date]) -> HTML {
        let rows = years.map { y -> HTML in
            let f = frozenAt[y]
            return """
            <tr><td><a href="\(Site.reportShow.path(y))">Rapport \(y)</a></td><td>\(f.map { "Publié (figé le \(FrenchDate.long($0)))" } ?? "Suit les données")</td>
            <td><a href="\(Site.reportPreview.path(y))">Aperçu</a>\(f == nil ? HTML.empty : HTML(" · <a href=\"\(Site.publishedReportHtml.path(y))\">Version publiée</a>"))</td></tr>
            """
        }
        return """
        <h1>Rapport annuel</h1>
        <p class="lead">Le rapport est calculé à partir des données à chaque affichage. Une fois figé, sa version HTML et PDF est publiée telle quelle sur <a href="\(Site.publishedReportIndex.path())">/rapports</a>.</p>
        \(rows.isEmpty ? UI.emptyState("Aucune année avec des adhésions.") : "<table class=\"list\"><thead><tr><th>Année</th><th>État</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>")
        """
    }

    static func show(_ page: ReportPage, csrf: HTML) -> HTML {
        let year = page.year, staff = page.staff, frozen = page.frozen, engine = page.engine
        let textRows = page.texts.map { kind, text -> HTML in
            let state: String = text.map { $0.year == year ? "version \($0.version) du \(FrenchDate.short($0.createdAt ?? page.now))" : "repris de \($0.year)" } ?? "à rédiger"
            return "<tr><td>\(kind.label)</td><td>\(state)</td><td>\(staff ? HTML("<a href=\"\(Site.reportTextEdit.path(year, kind.rawValue))\">\(text == nil ? "Rédiger" : "Modifier")</a>") : .empty)</td></tr>"
        }
        let actions: HTML = staff ? """
            <div class="actions">
            <form method="post" action="\(Site.reportStartPDF.path(year))" class="inline">\(csrf)<button class="primary"\(HTML.flag(.disabled, engine == nil))>Générer le PDF</button></form>
            <form method="post" action="\(Site.reportStartFreeze.path(year))" class="inline" data-confirm="Figer le rapport \(year) ? La version actuelle sera publiée telle quelle.">\(csrf)<button>\(frozen == nil ? "Figer et publier" : "Figer à nouveau")</button></form>
            \(frozen == nil ? HTML.empty : UI.postButton(csrf: csrf, action: Site.reportUnfreeze.path(year), label: "Retirer la version publiée", style: "danger", confirm: "Retirer la version publiée de \(year) ?"))
            </div>
            """ : .empty
        return """
        \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(year)", nil)]))
        <div class="page-head"><h1>Rapport annuel \(year)</h1><a class="button" href="\(Site.reportPreview.path(year))">Voir le rapport</a></div>
        <p>\(frozen.map { "Publié : figé le \(FrenchDate.long($0.frozenAt))\($0.pdf == nil ? " (HTML seulement)" : ", HTML et PDF"). " } ?? "Pas encore figé : ")le rapport ci-dessous suit les données.
        \(frozen == nil ? HTML.empty : HTML("<a href=\"\(Site.publishedReportHtml.path(year))\">Version publiée</a>"))</p>
        \(engine.map { HTML("<p><small>Moteur PDF : \($0.kind.rawValue).</small></p>") } ?? HTML("<p class=\"flash flash-error\">\(PDFEngine.missingMessage)</p>"))
        \(actions)
        <h2>Textes</h2>
        <table class="list"><tbody>\(textRows)</tbody></table>
        \(CommunicationView.panel(page.figures, year: year, form: FormState(), staff: staff, csrf: csrf))
        <h2>Sommaire (\(page.parts.count) parties)</h2>
        <ol>\(page.parts.map { "<li><a href=\"\(Site.reportPreview.path(year))#\($0.id)\">\($0.title)</a></li>" as HTML })</ol>
        """
    }
}
