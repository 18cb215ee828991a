import Fluent
import GrappeDomain
import Vapor

/// Staff define a programme's indicators and enter the values of manual ones (date and source).
enum IndicatorController {
    static func form(_ req: Request, path: String) -> HTML {
        """
        <details><summary>Ajouter un indicateur</summary>
        <form method="post" action="\(path)/indicateurs" class="inline-form">\(CSRF.hiddenField(req))
        \(Input.text("name", "Intitulé", FormState(), required: true, maxLength: 150))
        \(Input.text("target", "Cible", FormState(), required: true, extra: " inputmode=\"decimal\""))
        \(Input.text("unit", "Unité", FormState(), maxLength: 40, hint: "sensibilisations, ateliers, communes…"))
        \(Input.select("source", "Calcul", FormState(values: ["source": IndicatorSource.actionCount.rawValue]), options: IndicatorSource.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("audience", "Public (pour « participants d'un public »)", FormState(), options: Audience.allCases.map { ($0.rawValue, $0.label) }, blank: "—"))
        <button class="primary">Ajouter</button></form></details>
        """
    }

    static func number(_ text: String?) -> Double? {
        Double(FieldCheck.trimmed(text).replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."))
    }

    static func create(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let p = try await ProgrammeController.find(req)
        let path = "/programmes/\(p.slug)"
        let name = FieldCheck.trimmed(req.content[String.self, at: "name"])
        let unit = FieldCheck.trimmed(req.content[String.self, at: "unit"])
        let audience = Audience(rawValue: req.content[String.self, at: "audience"] ?? "")
        guard !name.isEmpty, name.count <= 150, unit.count <= 40 else { return req.redirect(to: path, flash: "Intitulé obligatoire (150 caractères au plus).", .error) }
        guard let target = number(req.content[String.self, at: "target"]), target > 0, target < 1e12 else {
            return req.redirect(to: path, flash: "La cible doit être un nombre positif.", .error)
        }
        guard let source = IndicatorSource(rawValue: req.content[String.self, at: "source"] ?? "") else { return req.redirect(to: path, flash: "Mode de calcul inconnu.", .error) }
        if source == .audienceSum && audience == nil { return req.redirect(to: path, flash: "Choisissez le public compté.", .error) }
        let count = try await Indicator.query(on: req.db).filter(\.$programme.$id == p.requireID()).count()
        try await Indicator(programmeID: p.requireID(), name: name, unit: unit, target: target, source: source,
                            audience: source == .audienceSum ? audience!.rawValue : "", position: count).create(on: req.db)
        return req.redirect(to: path, flash: "Indicateur « \(name) » ajouté.")
    }

    static func addValue(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let p = try await ProgrammeController.find(req)
        let path = "/programmes/\(p.slug)"
        guard let indicator = try await Indicator.find(try req.uuidParameter("indicatorID"), on: req.db),
              indicator.$programme.id == (try p.requireID()), indicator.source == .manual else { throw Abort(.notFound) }
        guard let value = number(req.content[String.self, at: "value"]), value >= 0, value < 1e12 else { return req.redirect(to: path, flash: "Valeur invalide.", .error) }
        guard let date = FrenchDate.parse(req.content[String.self, at: "date"] ?? ""), date <= Date() else { return req.redirect(to: path, flash: "Date invalide ou future.", .error) }
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
