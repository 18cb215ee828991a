import Fluent
import GrappeDomain
import Vapor

/// Staff create and edit a programme: period, status, axes, funders with amounts, partner
/// organisations with their role, and the consortium of member companies (`ProgrammeFormView`).
enum ProgrammeFormController {
    static let fields = ["name", "description", "status", "startsOn", "endsOn", "funders", "partners"]

    static func page(_ req: Request, title: String, action: String, form: FormState, axes: [StrategicAxis], consortium: Set<UUID>, status: HTTPStatus = .ok) async throws -> Response {
        let companies = try await ProgrammeQueries.consortiumChoices(req.db, organisationID: try await req.organisationID(), now: req.now, consortium: consortium)
        let body = ProgrammeFormView.render(title: title, action: action, form: form, axes: axes, companies: companies, consortium: consortium, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: title, status: status, body: body)
    }

    static func newForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await page(req, title: "Nouveau programme", action: Site.programmeFormCreate.path(), form: FormState(values: ["status": "planned"]), axes: [], consortium: [])
    }

    static func editForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let p = try await ProgrammeController.find(req)
        let funders = try await p.$funders.get(on: req.db).map { "\($0.name)\($0.amount.map { " ; \($0)" } ?? "")" }.joined(separator: "\n")
        let partners = try await p.$partners.get(on: req.db).map { "\($0.name) ; \($0.role)" }.joined(separator: "\n")
        let consortium = Set(try await ProgrammeQueries.consortium(req.db, programmeID: p.requireID()).compactMap(\.id))
        return try await page(req, title: "Modifier « \(p.name) »", action: Site.programmeFormUpdate.path(p.slug),
                              form: FormState(values: ["name": p.name, "description": p.about, "status": p.status.rawValue, "startsOn": FrenchDate.iso(p.startsOn),
                                                       "endsOn": FrenchDate.iso(p.endsOn), "funders": funders, "partners": partners]),
                              axes: p.axes, consortium: consortium)
    }

    /// « nom ; valeur » lines; the second part optional.
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(separator: ";", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? parts[1] : "")
        }
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let existing = req.parameters.get("slug") == nil ? nil : try await ProgrammeController.find(req)
        var form = FormState(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, FieldCheck.trimmed(req.content[String.self, at: $0])) }))
        let axes = (req.content[[String].self, at: "axes"] ?? []).compactMap { Int($0).flatMap(StrategicAxis.init(rawValue:)) }
        let known = Set(try await Company.query(on: req.db).filter(\.$organisation.$id == orgID).all(\.$id))
        let consortium = Set((req.content[[String].self, at: "consortium"] ?? []).compactMap(UUID.init(uuidString:)).filter(known.contains))
        if form["name"].isEmpty { form.errors["name"] = "Le nom est obligatoire." } else if form["name"].count > 150 { form.errors["name"] = "150 caractères au maximum." }
        let status = Programme.Status(rawValue: form["status"])
        if status == nil { form.errors["status"] = "État inconnu." }
        let start = FrenchDate.parse(form["startsOn"]), end = FrenchDate.parse(form["endsOn"])
        if start == nil { form.errors["startsOn"] = "Date invalide." }
        if end == nil { form.errors["endsOn"] = "Date invalide." } else if let start, let end, end < start { form.errors["endsOn"] = "La fin précède le début." }
        let funders = pairs(form["funders"]).map { ($0.0, $0.1) }
        if funders.contains(where: { !$0.1.isEmpty && Money.parse($0.1) == nil }) { form.errors["funders"] = "Montant illisible : « BPI France ; 15000000 »." }
        let partners = pairs(form["partners"])
        guard form.errors.isEmpty, let status, let start, let end else {
            return try await page(req, title: existing == nil ? "Nouveau programme" : "Modifier le programme",
                                  action: existing.map { Site.programmeFormEditForm.path($0.slug) } ?? Site.programmeFormNewForm.path(),
                                  form: form, axes: axes, consortium: consortium, status: .badRequest)
        }
        let p = existing ?? Programme(organisationID: orgID)
        let valid = form
        try await req.db.transaction { db in
            p.name = valid["name"]; p.about = valid["description"]; p.status = status; p.startsOn = start; p.endsOn = end
            p.axesText = StrategicAxis.serialize(axes)
            if existing == nil {
                let taken = Set(try await Programme.query(on: db).filter(\.$organisation.$id == orgID).all(\.$slug))
                p.slug = TextFolding.freeSlug(TextFolding.slug(p.name), taken: taken)
            }
            try await p.save(on: db)
            let id = try p.requireID()
            try await ProgrammeFunder.query(on: db).filter(\.$programme.$id == id).delete()
            for (name, amount) in funders { try await ProgrammeFunder(programmeID: id, name: name, amount: amount.isEmpty ? nil : Money.parse(amount)).create(on: db) }
            try await ProgrammePartner.query(on: db).filter(\.$programme.$id == id).delete()
            for (name, role) in partners { try await ProgrammePartner(programmeID: id, name: name, role: role).create(on: db) }
            try await ConsortiumMember.query(on: db).filter(\.$programme.$id == id).delete()
            for companyID in consortium { try await ConsortiumMember(programmeID: id, companyID: companyID).create(on: db) }
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "programme", entityID: id, action: existing == nil ? "create" : "update",
                                   changes: ["nom": ("", p.name)])
        }
        return req.redirect(to: Site.programmeShow.path(p.slug), flash: "Programme enregistré.")
    }
}
