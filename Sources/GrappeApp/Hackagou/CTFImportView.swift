import Foundation
import GrappeDomain

/// The import's preview, drawn without a database: each challenge found with its flags, hints,
/// files and problems; the confirmation form (the upload again, in a hidden field) only when
/// there is no problem anywhere.
enum CTFImportView {
    static func preview(_ plan: CTFImporter.Plan, edition e: CTFEdition, bundle: String, filename: String, csrf: HTML) -> HTML {
        let rows = plan.items.map { item -> HTML in
            let problems = item.problems.map { p -> HTML in "<li>\(p.field.map { "« \($0) » : " } ?? "")\(p.message)</li>" }
            let files = item.files.map { f -> HTML in "<li>\(f.name) (\(FileSize.french(f.data.count)))</li>" }
            guard let s = item.spec else {
                return "<tr class=\"has-error\"><td><code>\(item.folder.isEmpty ? "challenge.yml" : item.folder)</code></td><td colspan=\"5\">—</td><td><ul class=\"compact error\">\(problems)</ul></td></tr>"
            }
            return """
            <tr\(HTML(raw: item.problems.isEmpty ? "" : " class=\"has-error\""))><td><code>\(item.folder.isEmpty ? "challenge.yml" : item.folder)</code></td>
            <td><strong>\(s.name)</strong><br><small>\(s.category)\(s.visible ? "" : " · masqué")</small></td>
            <td class="num">\(s.scoring.initial)\(s.scoring.kind == "static" ? "" : " ↘ \(s.scoring.kind == "linear" ? "linéaire" : "logarithmique")")</td>
            <td class="num">\(s.flags.count)</td><td class="num">\(s.hints.count)</td>
            <td>\(files.isEmpty ? "—" : HTML("<ul class=\"compact\">\(files)</ul>"))\(s.requirements.isEmpty ? "" : HTML("<small>Prérequis : \(s.requirements.joined(separator: ", "))</small>"))</td>
            <td>\(problems.isEmpty ? UI.badge("prêt", "ok") : HTML("<ul class=\"compact error\">\(problems)</ul>"))</td></tr>
            """
        }
        let count = plan.items.count
        let problemCount = plan.problems.count
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfAdminIndex.path()), (e.title, Site.ctfAdminEdition.path(e)), ("Import de défis", nil)]))
        <h1>Import de défis · \(filename)</h1>
        <p>Rien n'a encore été enregistré. \(count == 1 ? "1 défi trouvé" : "\(count) défis trouvés").</p>
        \(problemCount == 0 ? .empty : HTML("<div class=\"flash flash-error\" role=\"alert\">\(problemCount == 1 ? "Un problème empêche" : "\(problemCount) problèmes empêchent") l'import : corrigez-les puis importez de nouveau. Aucun défi n'a été importé.</div>"))
        <table class="list"><thead><tr><th>Dossier</th><th>Défi</th><th class="num">Points</th><th class="num">Flags</th><th class="num">Indices</th><th>Fichiers</th><th>Problèmes</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        \(problemCount == 0 ? confirmForm(e, bundle: bundle, filename: filename, count: count, csrf: csrf) : uploadForm(e, error: nil, csrf: csrf))
        <p><a href="\(Site.ctfAdminEdition.path(e))">Retour à l'édition</a></p>
        """
    }

    static func confirmForm(_ e: CTFEdition, bundle: String, filename: String, count: Int, csrf: HTML) -> HTML {
        """
        <form method="post" action="\(Site.ctfAdminImport.path(e))" enctype="multipart/form-data">\(csrf)
        <input type="hidden" name="step" value="apply"><input type="hidden" name="filename" value="\(filename)">
        <input type="hidden" name="bundle" value="\(bundle)">
        <button class="primary">\(count == 1 ? "Importer le défi" : "Importer les \(count) défis")</button></form>
        """
    }

    /// The upload form, on the edition's page and under a preview with problems.
    static func uploadForm(_ e: CTFEdition, error: String?, csrf: HTML) -> HTML {
        """
        \(error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <form method="post" action="\(Site.ctfAdminImport.path(e))" enctype="multipart/form-data" class="inline-form">\(csrf)
        <input type="hidden" name="step" value="preview">
        <div class="field"><label for="import-file">challenge.yml ou zip de dossiers de défis (\(FileSize.french(CTFChallengeBundle.maxUploadBytes)) au plus) *</label>
        <input id="import-file" type="file" name="file" accept=".yml,.yaml,.zip" required></div>
        <button>Prévisualiser l'import</button></form>
        """
    }
}
