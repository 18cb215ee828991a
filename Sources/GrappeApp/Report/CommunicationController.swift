import Fluent
import GrappeDomain
import Vapor

/// Communication figures of a year (followers, articles), entered by staff with their source:
/// Grappe has no other way to know them. `CommunicationView` draws them.
enum CommunicationController {
    static func save(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let year = try ReportController.year(req)
        let orgID = try await req.organisationID()
        var form = FormState()
        for key in ["channel", "metric", "value", "source"] { form.values[key] = FieldCheck.trimmed(req.content[String.self, at: key]) }
        let metric = CommunicationFigure.Metric(rawValue: form["metric"])
        let value = Int(form["value"].replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{00A0}", with: ""))
        if form["channel"].isEmpty || form["channel"].count > 60 { form.errors["channel"] = "Indiquez le réseau ou le support (60 caractères au plus)." }
        if metric == nil { form.errors["metric"] = "Choisissez abonnés ou articles." }
        if value == nil || value! < 0 || value! > 100_000_000 { form.errors["value"] = "Un nombre entier positif, par exemple 1 505." }
        if form["source"].isEmpty || form["source"].count > 200 { form.errors["source"] = "Indiquez d'où vient ce chiffre (200 caractères au plus)." }
        guard form.errors.isEmpty, let metric, let value else {
            let figures = try await ReportQueries.communication(req.db, organisationID: orgID, year: year)
            let body = CommunicationView.refused(figures, year: year, form: form, staff: req.viewer.isStaff, csrf: CSRF.hiddenField(req))
            return try await Layout.page(req, title: "Chiffres de communication \(year)", status: .badRequest, body: body)
        }
        let channel = form["channel"], source = form["source"]
        try await req.db.transaction { db in
            let existing = try await CommunicationFigure.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$year == year)
                .filter(\.$channel == channel).filter(\.$metric == metric).first()
            let figure = existing ?? CommunicationFigure(organisationID: orgID, year: year, channel: channel, metric: metric, value: value, source: source)
            let before = existing.map { "\($0.value) (\($0.source))" } ?? ""
            figure.value = value
            figure.source = source
            try await figure.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "communication_figure", entityID: figure.requireID(),
                                   action: existing == nil ? "create" : "update", changes: ["\(channel) \(metric.rawValue) \(year)": (before, "\(value) (\(source))")])
        }
        return req.redirect(to: "\(Site.reportShow.path(year))#communication", flash: "Chiffre enregistré.")
    }

    static func delete(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let year = try ReportController.year(req)
        let orgID = try await req.organisationID()
        guard let figure = try await CommunicationFigure.find(try req.uuidParameter("figureID"), on: req.db), figure.$organisation.id == orgID, figure.year == year else { throw Abort(.notFound) }
        try await req.db.transaction { db in
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "communication_figure", entityID: figure.requireID(), action: "delete",
                                   changes: ["\(figure.channel) \(figure.metric.rawValue) \(year)": ("\(figure.value)", "")])
            try await figure.delete(on: db)
        }
        return req.redirect(to: "\(Site.reportShow.path(year))#communication", flash: "Chiffre supprimé.")
    }
}
