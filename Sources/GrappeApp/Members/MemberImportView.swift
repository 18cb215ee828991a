import Foundation
import GrappeDomain

/// The CSV import pages, drawn without a request: the upload form and the preview of what the
/// file would change (nothing is saved before the second step).
enum MemberImportView {
    /// `error`: why the last upload was refused.
    static func form(year: Int, error: String?, csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Adhérents", Site.memberListIndex.path()), ("Import CSV", nil)]))
        <h1>Importer des adhérents</h1>
        <p>Fichier CSV (séparateur « ; » ou « , », UTF-8 ou l'encodage par défaut d'Excel), première ligne : <code>\(MemberCSV.header.joined(separator: ";"))</code>.
        Seule la colonne <code>nom</code> et l'<code>effectif</code> sont obligatoires. Une entreprise déjà connue est reconnue par son RIDET, sinon par son nom :
        importer deux fois le même fichier ne change rien. L'export de la liste produit ce même format.</p>
        \(error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <form method="post" action="\(Site.memberImportSubmit.path())" enctype="multipart/form-data">
        \(csrf)
        \(Input.text("year", "Année d'adhésion", FormState(values: ["year": String(year)]), type: "number", required: true, extra: " min=\"2000\" max=\"2100\""))
        <div class="field"><label for="file">Fichier CSV (2 Mo au plus) *</label><input id="file" type="file" name="file" accept=".csv,text/csv" required></div>
        <button class="primary" name="step" value="preview">Prévisualiser</button>
        </form>
        """
    }

    /// The plan of a dry run; `text` is the file, posted again to apply it; `converted` when it
    /// was read as Windows-1252.
    static func preview(_ plan: MemberImporter.Plan, text: String, year: Int, converted: Bool = false, csrf: HTML) -> HTML {
        let rejected = plan.parsed.rejections.map { r -> HTML in
            "<tr><td class=\"num\">\(r.lineNumber)</td><td>\(r.name.isEmpty ? "—" : r.name)</td><td><ul>\(r.reasons.map { "<li>\($0)</li>" as HTML })</ul></td></tr>"
        }
        let names = Dictionary(plan.parsed.lines.map { ($0.lineNumber, $0.company.name) }, uniquingKeysWith: { a, _ in a })
        func list(_ lines: [Int]) -> HTML {
            lines.isEmpty ? "—" : "<ul class=\"compact\">\(lines.map { "<li>Ligne \($0) : \(names[$0] ?? "")</li>" as HTML })</ul>"
        }
        let nothingToDo = plan.toCreate.isEmpty && plan.toUpdate.isEmpty
        return """
        \(UI.breadcrumbs([("Adhérents", Site.memberListIndex.path()), ("Import CSV", Site.memberImportForm.path()), ("Prévisualisation", nil)]))
        <h1>Prévisualisation de l'import \(year)</h1>
        <p>Rien n'a encore été enregistré.</p>
        \(converted ? HTML("<p class=\"flash flash-info\">\(TextDecoding.convertedNote)</p>") : .empty)
        <ul class="stats">
        <li><strong>\(plan.toCreate.count)</strong> à créer</li><li><strong>\(plan.toUpdate.count)</strong> à mettre à jour</li>
        <li><strong>\(plan.unchanged.count)</strong> \(French.word(plan.unchanged.count, "inchangée", "inchangées"))</li><li><strong>\(plan.parsed.rejections.count)</strong> \(French.word(plan.parsed.rejections.count, "rejetée", "rejetées"))</li></ul>
        <h2>Lignes rejetées</h2>
        \(rejected.isEmpty ? UI.emptyState("Aucune ligne rejetée.") : "<table class=\"list\"><thead><tr><th class=\"num\">Ligne</th><th>Entreprise</th><th>Motifs</th></tr></thead><tbody>\(rejected)</tbody></table>")
        <h2>À créer</h2>\(list(plan.toCreate))
        <h2>À mettre à jour</h2>\(list(plan.toUpdate))
        <form method="post" action="\(Site.memberImportSubmit.path())">
        \(csrf)
        <input type="hidden" name="year" value="\(year)">
        <textarea name="csv" hidden>\(text)</textarea>
        \(nothingToDo ? "<p>Rien à importer.</p>" as HTML : "<button class=\"primary\" name=\"step\" value=\"apply\">Importer les lignes valides</button>")
        <a href="\(Site.memberImportForm.path())">Recommencer</a>
        </form>
        """
    }
}
