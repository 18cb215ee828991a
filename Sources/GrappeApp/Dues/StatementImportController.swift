import Fluent
import GrappeDomain
import Vapor

/// The bank statement import (staff): upload → preview in groups (matched, to check, unknown,
/// debits, already recorded) where each credit's due can be confirmed or changed → recording
/// in one transaction. The file's text travels with the preview's form, so nothing is kept
/// between the two steps. CSV mappings are saved per bank by name.
enum StatementImportController {
    static let maxBytes = 2 * 1024 * 1024
    static let mappingKeys = ["name", "separator", "decimalMark", "dateColumn", "amountColumn", "debitColumn", "creditColumn", "labelColumn", "referenceColumn"]

    static func form(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await page(req, error: nil, mapping: FormState(values: ["separator": ";", "decimalMark": ","]))
    }

    static func page(_ req: Request, error: String?, mapping: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let saved = try await StatementMapping.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID())).all().sortedInFrench(by: \.name)
        return try await Layout.page(req, title: "Import d'un relevé bancaire", status: status,
                                     body: StatementImportView.form(mappings: saved.map(\.name), format: req.content[String.self, at: "format"] ?? "cfonb",
                                                                    error: error, mapping: mapping, csrf: CSRF.hiddenField(req)))
    }

    /// The statement's text: the uploaded file, or the text sent back by the preview.
    static func statementText(_ req: Request) throws -> String? {
        if let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 {
            guard file.data.readableBytes <= maxBytes else { throw DuesService.Failure(description: "Le fichier dépasse 2 Mo.") }
            guard let decoded = TextDecoding.decode(Array(file.data.readableBytesView)) else {
                throw DuesService.Failure(description: "Le fichier n'est pas un texte (ni UTF-8 ni Windows-1252).")
            }
            return decoded.text
        }
        guard let posted = req.content[String.self, at: "statement"], !posted.isEmpty else { return nil }
        guard posted.utf8.count <= maxBytes else { throw DuesService.Failure(description: "Le fichier dépasse 2 Mo.") }
        return posted
    }

    static func preview(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let format = req.content[String.self, at: "format"] ?? ""
        let defaults = FormState(values: ["separator": ";", "decimalMark": ","])
        do {
            guard let text = try statementText(req) else { return try await page(req, error: "Choisissez le fichier du relevé.", mapping: defaults, status: .badRequest) }
            let lines = try await StatementImportService.read(text, format: format, organisationID: orgID, on: req.db)
            guard !lines.isEmpty else { return try await page(req, error: "Le relevé ne contient aucun mouvement.", mapping: defaults, status: .badRequest) }
            let org = try await req.organisation()
            let dues = try await StatementImportService.openDues(organisationID: orgID, org: org, on: req.db)
            let proposals = StatementMatching.propose(lines, dues: dues.map(\.due), prefix: org.name,
                                                      recorded: try await StatementImportService.recorded(lines, on: req.db))
            return try await Layout.page(req, title: "Prévisualisation du relevé",
                                         body: StatementImportView.preview(proposals, dues: dues, text: text, format: format, csrf: CSRF.hiddenField(req)))
        } catch let failure as DuesService.Failure {
            return try await page(req, error: failure.description, mapping: defaults, status: .badRequest)
        }
    }

    static func record(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let format = req.content[String.self, at: "format"] ?? ""
        let defaults = FormState(values: ["separator": ";", "decimalMark": ","])
        do {
            guard let text = try statementText(req) else { return try await page(req, error: "Choisissez le fichier du relevé.", mapping: defaults, status: .badRequest) }
            let lines = try await StatementImportService.read(text, format: format, organisationID: orgID, on: req.db)
            var choices: [(line: StatementLine, dueID: UUID, number: Int)] = []
            for (index, line) in lines.enumerated() {
                guard let value = req.content[String.self, at: "due_\(index)"], !value.isEmpty else { continue }
                guard let id = UUID(uuidString: value) else { throw DuesService.Failure(description: "Ligne \(index + 1) : cotisation inconnue.") }
                choices.append((line, id, index + 1))
            }
            guard !choices.isEmpty else { throw DuesService.Failure(description: "Aucune ligne à enregistrer : choisissez une cotisation pour au moins un crédit.") }
            let count = try await StatementImportService.record(choices, organisationID: orgID, user: user, on: req.db)
            return req.redirect(to: Site.duesDashboardIndex.path(),
                                flash: count == 0 ? "Rien de nouveau : ces lignes étaient déjà enregistrées." : "\(French.count(count, "paiement enregistré", "paiements enregistrés")) depuis le relevé.")
        } catch let failure as DuesService.Failure {
            return try await page(req, error: failure.description + " Aucun paiement n'a été enregistré.", mapping: defaults, status: .badRequest)
        }
    }

    static func saveMapping(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let orgID = try await req.organisationID()
        var form = FormState()
        for key in mappingKeys { form.values[key] = (req.content[String.self, at: key] ?? "").trimmingCharacters(in: .whitespaces) }
        if form["separator"] == "tab" { form.values["separator"] = "\t" }
        let mapping = StatementCSVMapping(separator: form["separator"], decimalMark: form["decimalMark"], dateColumn: form["dateColumn"],
                                          amountColumn: form["amountColumn"], debitColumn: form["debitColumn"], creditColumn: form["creditColumn"],
                                          labelColumn: form["labelColumn"], referenceColumn: form["referenceColumn"])
        form.errors = mapping.problems
        if form["name"].isEmpty { form.errors["name"] = "Nommez ce format (ex. le nom de la banque)." } else if form["name"].count > 60 { form.errors["name"] = "60 caractères au maximum." }
        for key in mappingKeys where form[key].count > 80 && form.errors[key] == nil { form.errors[key] = "80 caractères au maximum." }
        if form["separator"] == "\t" { form.values["separator"] = "tab" }
        guard form.errors.isEmpty else { return try await page(req, error: nil, mapping: form, status: .badRequest) }
        let name = form["name"]
        try await req.db.transaction { db in
            let existing = try await StatementMapping.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$name == name).first()
            let row = try existing ?? StatementMapping(organisationID: orgID, name: name, mapping: mapping)
            row.mappingJSON = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
            try await row.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "statement_mapping", entityID: try row.requireID(),
                                   action: existing == nil ? "create" : "update", changes: ["format": ("", name)])
        }
        return req.redirect(to: Site.statementForm.path(), flash: "Format « \(form["name"]) » enregistré.")
    }
}
