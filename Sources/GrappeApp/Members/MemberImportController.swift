import Fluent
import GrappeDomain
import NIOFoundationEssentialsCompat
import Vapor

/// CSV import in two steps: upload → preview (every rejected line with its reason) → apply.
enum MemberImportController {
    static let maxBytes = 2 * 1024 * 1024

    static func form(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await page(req, year: try await MemberQueries.defaultYear(req.db, now: req.now), error: nil)
    }

    static func page(_ req: Request, year: Int, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let body: HTML = """
        \(UI.breadcrumbs([("Adhérents", Site.memberListIndex.path()), ("Import CSV", nil)]))
        <h1>Importer des adhérents</h1>
        <p>Fichier CSV (séparateur « ; » ou « , », UTF-8), première ligne : <code>\(MemberCSV.header.joined(separator: ";"))</code>.
        Seule la colonne <code>nom</code> et l'<code>effectif</code> sont obligatoires. Une entreprise déjà connue est reconnue par son RIDET, sinon par son nom :
        importer deux fois le même fichier ne change rien. L'export de la liste produit ce même format.</p>
        \(error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <form method="post" action="\(Site.memberImportSubmit.path())" enctype="multipart/form-data">
        \(CSRF.hiddenField(req))
        \(Input.text("year", "Année d'adhésion", FormState(values: ["year": String(year)]), type: "number", required: true, extra: " min=\"2000\" max=\"2100\""))
        <div class="field"><label for="file">Fichier CSV (2 Mo au plus) *</label><input id="file" type="file" name="file" accept=".csv,text/csv" required></div>
        <button class="primary" name="step" value="preview">Prévisualiser</button>
        </form>
        """
        return try await Layout.page(req, title: "Import CSV", status: status, body: body)
    }

    static func submit(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let year = req.content[Int.self, at: "year"] ?? 0
        guard (2000...2100).contains(year) else {
            return try await page(req, year: FrenchDate.year(of: req.now), error: "Année invalide (entre 2000 et 2100).", status: .badRequest)
        }
        let text: String
        if let file = try? req.content.get(File.self, at: "file") {
            guard file.data.readableBytes > 0 else { return try await page(req, year: year, error: "Le fichier est vide.", status: .badRequest) }
            guard file.data.readableBytes <= maxBytes else { return try await page(req, year: year, error: "Le fichier dépasse 2 Mo.", status: .badRequest) }
            guard let decoded = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes, encoding: .utf8),
                  !decoded.contains("\u{0}") else {
                return try await page(req, year: year, error: "Le fichier n'est pas un texte UTF-8 : enregistrez-le en « CSV UTF-8 ».", status: .badRequest)
            }
            text = decoded
        } else if let posted = req.content[String.self, at: "csv"], !posted.isEmpty, posted.utf8.count <= maxBytes {
            text = posted
        } else {
            return try await page(req, year: year, error: "Choisissez un fichier CSV.", status: .badRequest)
        }
        let apply = req.content[String.self, at: "step"] == "apply"
        let plan = try await MemberImporter.run(text, year: year, dryRun: !apply, organisationID: orgID, user: user, on: req.db)
        if let fileError = plan.parsed.fileError { return try await page(req, year: year, error: fileError, status: .badRequest) }
        if apply {
            return req.redirect(to: "\(Site.memberListIndex.path())?annee=\(year)",
                                flash: "Import terminé : \(plan.toCreate.count) créé(s), \(plan.toUpdate.count) mis à jour, \(plan.unchanged.count) inchangé(s), \(plan.parsed.rejections.count) ligne(s) rejetée(s).")
        }
        return try await Layout.page(req, title: "Prévisualisation de l'import", body: preview(req, plan: plan, text: text, year: year))
    }

    static func preview(_ req: Request, plan: MemberImporter.Plan, text: String, year: Int) -> HTML {
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
        <ul class="stats">
        <li><strong>\(plan.toCreate.count)</strong> à créer</li><li><strong>\(plan.toUpdate.count)</strong> à mettre à jour</li>
        <li><strong>\(plan.unchanged.count)</strong> inchangée(s)</li><li><strong>\(plan.parsed.rejections.count)</strong> rejetée(s)</li></ul>
        <h2>Lignes rejetées</h2>
        \(rejected.isEmpty ? UI.emptyState("Aucune ligne rejetée.") : "<table class=\"list\"><thead><tr><th class=\"num\">Ligne</th><th>Entreprise</th><th>Motifs</th></tr></thead><tbody>\(rejected)</tbody></table>")
        <h2>À créer</h2>\(list(plan.toCreate))
        <h2>À mettre à jour</h2>\(list(plan.toUpdate))
        <form method="post" action="\(Site.memberImportSubmit.path())">
        \(CSRF.hiddenField(req))
        <input type="hidden" name="year" value="\(year)">
        <textarea name="csv" hidden>\(text)</textarea>
        \(nothingToDo ? "<p>Rien à importer.</p>" as HTML : "<button class=\"primary\" name=\"step\" value=\"apply\">Importer les lignes valides</button>")
        <a href="\(Site.memberImportForm.path())">Recommencer</a>
        </form>
        """
    }
}
