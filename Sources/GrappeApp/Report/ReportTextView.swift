import Fluent
import Foundation
import GrappeDomain

/// The editing page of a report text, from its `ReportTextPage`: the form (`form` holds the
/// text and its error), the notice when the text read is not this year's current one, and the
/// year's versions. `now` dates a version saved without its creation date.
enum ReportTextView {
    static func edit(_ page: ReportTextPage, form: FormState, now: Date, csrf: HTML) -> HTML {
        let year = page.year, kind = page.kind
        let history = page.versions.map { v -> HTML in
            "<li><a href=\"\(Site.reportTextEdit.path(year, kind.rawValue))?version=\(v.version)\">Version \(v.version)</a> — \(FrenchDate.long(v.createdAt ?? now))\(v.author.map { ", \($0.displayName)" } ?? "")</li>"
        }
        let notice: HTML = {
            if let shown = page.shown, shown.year != year { return "<p class=\"flash flash-info\">Texte repris de \(shown.year) : l'enregistrer en fait la version \(year).</p>" }
            if let shown = page.shown, shown.id != page.current?.id { return "<p class=\"flash flash-info\">Vous lisez la version \(shown.version). L'enregistrer en fait la version courante.</p>" }
            return .empty
        }()
        return """
        \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(year)", Site.reportShow.path(year)), (kind.label, nil)]))
        <h1>\(kind.label) — rapport \(year)</h1>
        \(notice)\(form.summary)
        <form method="post" action="\(Site.reportTextSave.path(year, kind.rawValue))">\(csrf)
        \(Input.textarea("body", "Texte (Markdown : **gras**, *italique*, listes « - », titres « ### »)", form, maxLength: ReportTextPage.maxLength))
        <button class="primary">Enregistrer une nouvelle version</button> <a href="\(Site.reportPreview.path(year))#\(anchor(kind))">Voir dans le rapport</a>
        </form>
        <h2>Versions \(year)</h2>
        \(history.isEmpty ? UI.emptyState("Aucune version pour \(year).") : "<ol>\(history)</ol>")
        """
    }

    /// Where the text stands in the report's document.
    static func anchor(_ kind: ReportText.Kind) -> String {
        kind == .edito ? "edito" : kind == .history ? "histoire" : kind == .networks ? "reseaux" : "merci"
    }
}
