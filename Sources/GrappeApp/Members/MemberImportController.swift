import Fluent
import GrappeDomain
import NIOFoundationEssentialsCompat
import Vapor

/// CSV import in two steps: upload → preview (every rejected line with its reason) → apply.
/// The pages are drawn by `MemberImportView`.
enum MemberImportController {
    static let maxBytes = 2 * 1024 * 1024

    static func form(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await page(req, year: try await MemberQueries.defaultYear(req.db, now: req.now), error: nil)
    }

    static func page(_ req: Request, year: Int, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let body = MemberImportView.form(year: year, error: error, csrf: CSRF.hiddenField(req))
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
        var converted = false
        if let file = try? req.content.get(File.self, at: "file") {
            guard file.data.readableBytes > 0 else { return try await page(req, year: year, error: "Le fichier est vide.", status: .badRequest) }
            guard file.data.readableBytes <= maxBytes else { return try await page(req, year: year, error: "Le fichier dépasse 2 Mo.", status: .badRequest) }
            guard let decoded = TextDecoding.decode(Array(file.data.readableBytesView)) else {
                return try await page(req, year: year, error: "Le fichier n'est pas un texte CSV (ni UTF-8 ni Windows-1252) : enregistrez-le en « CSV UTF-8 ».", status: .badRequest)
            }
            text = decoded.text
            converted = decoded.encoding == .windows1252
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
                                flash: "Import terminé : \(French.count(plan.toCreate.count, "créé", "créés")), \(plan.toUpdate.count) mis à jour, \(French.count(plan.unchanged.count, "inchangé", "inchangés")), \(French.count(plan.parsed.rejections.count, "ligne rejetée", "lignes rejetées")).")
        }
        return try await Layout.page(req, title: "Prévisualisation de l'import", body: MemberImportView.preview(plan, text: text, year: year, converted: converted, csrf: CSRF.hiddenField(req)))
    }
}
