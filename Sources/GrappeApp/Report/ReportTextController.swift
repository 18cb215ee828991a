import Fluent
import GrappeDomain
import Vapor

/// Writing the report's texts (édito, history, networks, thanks) in Markdown. Every save is a
/// new version of the year; any earlier version can be read and taken up again
/// (`ReportTextPage` read, `ReportTextView` drawn).
enum ReportTextController {
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
        let page = try await ReportTextPage.load(req.db, organisationID: try await req.organisationID(), year: year, kind: kind,
                                                 version: req.query[Int.self, at: "version"])
        let state = form ?? FormState(values: ["body": page.shown?.body ?? ""])
        let body = ReportTextView.edit(page, form: state, now: req.now, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "\(kind.label) \(year)", status: status, body: body)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let year = try ReportController.year(req), kind = try kind(req)
        let orgID = try await req.organisationID()
        let text = (req.content[String.self, at: "body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        var form = FormState(values: ["body": text])
        if text.isEmpty { form.errors["body"] = "Le texte est vide." }
        if text.count > ReportTextPage.maxLength { form.errors["body"] = "Le texte dépasse \(Money.grouped(ReportTextPage.maxLength)) caractères." }
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
