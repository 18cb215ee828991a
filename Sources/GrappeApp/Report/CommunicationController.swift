import Fluent
import GrappeDomain
import Vapor

/// Communication figures of a year (followers, articles), entered by staff with their source:
/// Grappe has no other way to know them.
enum CommunicationController {
    static func panel(_ req: Request, year: Int, organisationID: UUID, form: FormState = FormState()) async throws -> HTML {
        let figures = try await ReportQueries.communication(req.db, organisationID: organisationID, year: year)
        let staff = req.viewer.isStaff
        let rows = figures.map { f -> HTML in
            let remove: HTML = staff ? UI.postButton(req, action: Site.communicationDelete.path(year, f.id!), label: "Supprimer", style: "link", confirm: "Supprimer ce chiffre ?") : .empty
            return "<tr><td>\(f.channel)</td><td>\(f.metric.label)</td><td class=\"num\">\(Money.grouped(f.value))</td><td>\(f.source)</td><td>\(remove)</td></tr>"
        }
        let entry: HTML = staff ? """
            <form method="post" action="\(Site.communicationSave.path(year))" class="inline-form">\(CSRF.hiddenField(req))
            \(Input.text("channel", "Réseau ou support", form, required: true, maxLength: 60, hint: "ex. LinkedIn, Facebook, site"))
            \(Input.select("metric", "Chiffre", form, options: CommunicationFigure.Metric.allCases.map { ($0.rawValue, $0.label) }))
            \(Input.text("value", "Valeur", form, required: true, maxLength: 12))
            \(Input.text("source", "Source", form, required: true, maxLength: 200, hint: "ex. statistiques LinkedIn au 31/12"))
            <button class="primary">Enregistrer</button></form>
            <p><small>Un chiffre déjà saisi pour le même réseau est remplacé.</small></p>
            """ : .empty
        return """
        <h2 id="communication">Chiffres de communication \(year)</h2>
        \(rows.isEmpty ? UI.emptyState("Aucun chiffre saisi : le rapport affichera « pas de donnée ».") : "<table class=\"list\"><thead><tr><th>Réseau</th><th>Chiffre</th><th class=\"num\">Valeur</th><th>Source</th><th></th></tr></thead><tbody>\(rows)</tbody></table>")
        \(entry)
        """
    }

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
            let body: HTML = """
            \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(year)", Site.reportShow.path(year)), ("Chiffres de communication", nil)]))
            <p class="flash flash-error" role="alert">Le chiffre n'a pas été enregistré : corrigez les champs signalés.</p>
            \(try await panel(req, year: year, organisationID: orgID, form: form))
            """
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
