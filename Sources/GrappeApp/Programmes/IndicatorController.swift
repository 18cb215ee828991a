import Fluent
import GrappeDomain
import Vapor

/// Staff define a programme's indicators and enter the values of manual ones (date and source).
enum IndicatorController {
    /// What the form to add an indicator (`ProgrammeView.indicatorForm`) shows first.
    static var blank: FormState { FormState(values: ["source": IndicatorSource.actionCount.rawValue]) }

    static func number(_ text: String?) -> Double? {
        Double(FieldCheck.trimmed(text).replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."))
    }

    static func create(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let p = try await ProgrammeController.find(req)
        let path = Site.programmeShow.path(p.slug)
        var state = FormState(values: ["name": FieldCheck.trimmed(req.content[String.self, at: "name"]), "target": FieldCheck.trimmed(req.content[String.self, at: "target"]),
                                       "unit": FieldCheck.trimmed(req.content[String.self, at: "unit"]), "source": req.content[String.self, at: "source"] ?? "",
                                       "audience": req.content[String.self, at: "audience"] ?? ""])
        let audience = Audience(rawValue: state["audience"])
        let source = IndicatorSource(rawValue: state["source"])
        let target = number(state["target"])
        if state["name"].isEmpty { state.errors["name"] = "L'intitulé est obligatoire." } else if state["name"].count > 150 { state.errors["name"] = "150 caractères au maximum." }
        if state["unit"].count > 40 { state.errors["unit"] = "L'unité : 40 caractères au maximum." }
        if target == nil || target! <= 0 || target! >= 1e12 { state.errors["target"] = "La cible doit être un nombre positif." }
        if source == nil { state.errors["source"] = "Mode de calcul inconnu." }
        if source == .audienceSum && audience == nil { state.errors["audience"] = "Choisissez le public compté." }
        guard state.errors.isEmpty, let source, let target else {
            return try await ProgrammeController.page(req, p, indicatorForm: state, status: .badRequest)
        }
        let count = try await Indicator.query(on: req.db).filter(\.$programme.$id == p.requireID()).count()
        try await Indicator(programmeID: p.requireID(), name: state["name"], unit: state["unit"], target: target, source: source,
                            audience: source == .audienceSum ? audience!.rawValue : "", position: count).create(on: req.db)
        return req.redirect(to: path, flash: "Indicateur « \(state["name"]) » ajouté.")
    }

    static func addValue(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let p = try await ProgrammeController.find(req)
        let path = Site.programmeShow.path(p.slug)
        guard let indicator = try await Indicator.find(try req.uuidParameter("indicatorID"), on: req.db),
              indicator.$programme.id == (try p.requireID()), indicator.source == .manual else { throw Abort(.notFound) }
        guard let value = number(req.content[String.self, at: "value"]), value >= 0, value < 1e12 else { return req.redirect(to: path, flash: "Valeur invalide.", .error) }
        guard let date = FrenchDate.parse(req.content[String.self, at: "date"] ?? ""), date <= req.now else { return req.redirect(to: path, flash: "Date invalide ou future.", .error) }
        let source = FieldCheck.trimmed(req.content[String.self, at: "source"])
        guard !source.isEmpty, source.count <= 200 else { return req.redirect(to: path, flash: "Indiquez la source de la valeur (200 caractères au plus).", .error) }
        try await req.db.transaction { db in
            let entry = IndicatorEntry(indicatorID: try indicator.requireID(), date: date, value: value, sourceNote: source)
            try await entry.create(on: db)
            try await Audit.record(on: db, organisationID: p.$organisation.id, user: user, entity: "programme", entityID: p.requireID(), action: "update",
                                   changes: [indicator.name: ("", Indicators.format(value))], reason: source)
        }
        return req.redirect(to: path, flash: "Valeur enregistrée.")
    }
}
