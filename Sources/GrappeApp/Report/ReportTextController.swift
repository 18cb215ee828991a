import Fluent
import GrappeDomain
import Vapor

/// Writing the report's texts (édito, history, networks, thanks) in Markdown. Every save is a
/// new version of the year; any earlier version can be read and taken up again.
enum ReportTextController {
    static let maxLength = 20_000

    static func kind(_ req: Request) throws -> ReportText.Kind {
        guard let kind = ReportText.Kind(rawValue: req.parameters.get("kind") ?? "") else { throw Abort(.notFound) }
        return kind
    }

    static func edit(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await render(req, form: nil)
    }

    static func render(_ req: Request, form: FormState?, status: HTTPStatus = .ok) async throws -> Response {
        let year = try ReportController.year(req), kind = try kind(req)
        let orgID = try await req.organisationID()
        let versions = try await ReportText.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year == year).filter(\.$kind == kind)
            .sort(\.$version, .descending).with(\.$author).all()
        let current = try await ReportQueries.text(req.db, organisationID: orgID, year: year, kind: kind)
        let shown = req.query[Int.self, at: "version"].flatMap { v in versions.first { $0.version == v } } ?? current
        var state = form ?? FormState()
        if form == nil { state.values["body"] = shown?.body ?? "" }
        let history = versions.map { v -> HTML in
            "<li><a href=\"\(Site.reportTextEdit.path(year, kind.rawValue))?version=\(v.version)\">Version \(v.version)</a> — \(FrenchDate.long(v.createdAt ?? Date()))\(v.author.map { ", \($0.displayName)" } ?? "")</li>"
        }
        let notice: HTML = {
            if let shown, shown.year != year { return "<p class=\"flash flash-info\">Texte repris de \(shown.year) : l'enregistrer en fait la version \(year).</p>" }
            if let shown, shown.id != current?.id { return "<p class=\"flash flash-info\">Vous lisez la version \(shown.version). L'enregistrer en fait la version courante.</p>" }
            return .empty
        }()
        let body: HTML = """
        \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(year)", Site.reportShow.path(year)), (kind.label, nil)]))
        <h1>\(kind.label) — rapport \(year)</h1>
        \(notice)\(state.summary)
        <form method="post" action="\(Site.reportTextSave.path(year, kind.rawValue))">\(CSRF.hiddenField(req))
        \(Input.textarea("body", "Texte (Markdown : **gras**, *italique*, listes « - », titres « ### »)", state, maxLength: maxLength))
        <button class="primary">Enregistrer une nouvelle version</button> <a href="\(Site.reportPreview.path(year))#\(kind == .edito ? "edito" : kind == .history ? "histoire" : kind == .networks ? "reseaux" : "merci")">Voir dans le rapport</a>
        </form>
        <h2>Versions \(year)</h2>
        \(history.isEmpty ? UI.emptyState("Aucune version pour \(year).") : "<ol>\(history)</ol>")
        """
        return try await Layout.page(req, title: "\(kind.label) \(year)", status: status, body: body)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let year = try ReportController.year(req), kind = try kind(req)
        let orgID = try await req.organisationID()
        let text = (req.content[String.self, at: "body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        var form = FormState(values: ["body": text])
        if text.isEmpty { form.errors["body"] = "Le texte est vide." }
        if text.count > maxLength { form.errors["body"] = "Le texte dépasse \(Money.grouped(maxLength)) caractères." }
        guard form.errors.isEmpty else { return try await render(req, form: form, status: .badRequest) }
        let latest = try await ReportText.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year == year).filter(\.$kind == kind)
            .sort(\.$version, .descending).first()
        if latest?.body == text { return req.redirect(to: Site.reportShow.path(year), flash: "Texte inchangé : aucune nouvelle version.", .info) }
        let version = (latest?.version ?? 0) + 1
        do {
            try await req.db.transaction { db in
                let saved = ReportText(organisationID: orgID, year: year, kind: kind, version: version, body: text, authorID: user.id)
                try await saved.create(on: db)
                try await Audit.record(on: db, organisationID: orgID, user: user, entity: "report_text", entityID: saved.requireID(), action: "create",
                                       changes: ["\(kind.label) \(year)": ("", "version \(version)")])
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            form.errors["body"] = "Une autre version vient d'être enregistrée : relisez-la avant d'enregistrer la vôtre (votre texte est conservé ci-dessous)."
            return try await render(req, form: form, status: .conflict)
        }
        return req.redirect(to: Site.reportShow.path(year), flash: "\(kind.label) \(year) : version \(version) enregistrée.")
    }
}
