import Fluent
import GrappeDomain
import Vapor

/// A programme's actions: one by one, or many from a CSV file with a preview first (`ActionView`).
enum ActionController {
    /// The form's fields; « Publics » come as one number per audience (`AudienceInputs`).
    static let fields = ["date", "theme", "commune", "animator", "animators", "participants", "duration", "notes"]

    static func draft(_ form: FormState) -> ActionDraft {
        var d = ActionDraft()
        d.date = form["date"]; d.theme = form["theme"]; d.commune = form["commune"]; d.animator = form["animator"]; d.animators = form["animators"]
        d.participants = form["participants"]; d.audiences = form["audiences"]; d.duration = form["duration"]; d.notes = form["notes"]
        return d
    }

    /// Copies a valid draft onto an action; `consortium` resolves the animator's name.
    static func apply(_ d: ActionDraft, to a: ProgrammeAction, consortium: [Company]) {
        a.date = FrenchDate.parse(d.date)!
        a.theme = FieldCheck.trimmed(d.theme)
        a.commune = Communes.canonical(d.commune)!
        a.$animatorCompany.id = consortium.first { TextFolding.fold($0.name) == TextFolding.fold(FieldCheck.trimmed(d.animator)) }?.id
        a.animators = FieldCheck.trimmed(d.animators)
        a.participants = Int(FieldCheck.trimmed(d.participants)) ?? 0
        a.audiencesText = AudienceCounts.serialize(AudienceCounts.parse(d.audiences))
        a.durationMinutes = Int(FieldCheck.trimmed(d.duration)) ?? 0
        a.notes = FieldCheck.trimmed(d.notes)
    }

    static func page(_ req: Request, p: Programme, action: String, form: FormState, consortium: [Company], deletion: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let counted = try await Indicator.query(on: req.db).filter(\.$programme.$id == p.requireID()).filter(\.$source == .audienceSum).all().map(\.audience)
        let typed = Audience.allCases.filter { !form[AudienceInputs.field($0)].isEmpty }.map(\.rawValue)  // kept, even refused
        let audiences = AudienceInputs.shown(indicatorAudiences: counted + typed, stored: form["audiences"])
        let body = ActionView.form(p, action: action, form: form, consortium: consortium, audiences: audiences, deletion: deletion, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Action · \(p.name)", status: status, body: body)
    }

    static func context(_ req: Request) async throws -> (Programme, [Company]) {
        try req.require(.staff)
        let p = try await ProgrammeController.find(req)
        return (p, try await ProgrammeQueries.consortium(req.db, programmeID: p.requireID()))
    }

    static func newForm(_ req: Request) async throws -> Response {
        let (p, consortium) = try await context(req)
        return try await page(req, p: p, action: Site.actionCreate.path(p.slug),
                              form: FormState(values: ["date": FrenchDate.iso(req.now), "duration": "120"]), consortium: consortium)
    }

    static func find(_ req: Request, _ p: Programme) async throws -> ProgrammeAction {
        guard let a = try await ProgrammeAction.find(try req.uuidParameter("actionID"), on: req.db), a.$programme.id == (try p.requireID()) else { throw Abort(.notFound) }
        return a
    }

    static func editForm(_ req: Request) async throws -> Response {
        let (p, consortium) = try await context(req)
        let a = try await find(req, p)
        let values = ["date": FrenchDate.iso(a.date), "theme": a.theme, "commune": a.commune,
                      "animator": consortium.first { $0.id == a.$animatorCompany.id }?.name ?? "", "animators": a.animators,
                      "participants": String(a.participants), "audiences": a.audiencesText, "duration": String(a.durationMinutes), "notes": a.notes]
            .merging(AudienceInputs.values(a.audiencesText)) { a, _ in a }
        return try await page(req, p: p, action: Site.actionUpdate.path(p.slug, a.id!), form: FormState(values: values), consortium: consortium, deletion: Site.actionDelete.path(p.slug, a.id!))
    }

    static func save(_ req: Request) async throws -> Response {
        let (p, consortium) = try await context(req)
        let existing = req.parameters.get("actionID") == nil ? nil : try await find(req, p)
        var form = FormState(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, req.content[String.self, at: $0] ?? "") }))
        // « Publics »: one number per audience, read back into the stored text.
        let typed = Dictionary(uniqueKeysWithValues: Audience.allCases.map { (AudienceInputs.field($0), req.content[String.self, at: AudienceInputs.field($0)] ?? "") })
        let audiences = AudienceInputs.read(typed)
        form.values.merge(typed) { _, new in new }
        form.values["audiences"] = audiences.text
        let d = draft(form)
        form.errors = d.validate(animatorNames: consortium.map(\.name), today: req.now).merging(audiences.errors) { a, _ in a }
        let action = existing.map { Site.actionUpdate.path(p.slug, $0.id!) } ?? Site.actionCreate.path(p.slug)
        guard form.errors.isEmpty else { return try await page(req, p: p, action: action, form: form, consortium: consortium, deletion: existing.map { Site.actionDelete.path(p.slug, $0.id!) }, status: .badRequest) }
        let a = existing ?? ProgrammeAction()
        a.$programme.id = try p.requireID()
        apply(d, to: a, consortium: consortium)
        try await a.save(on: req.db)
        return req.redirect(to: Site.programmeShow.path(p.slug), flash: "Action enregistrée : les indicateurs sont à jour.")
    }

    static func delete(_ req: Request) async throws -> Response {
        let (p, _) = try await context(req)
        try await find(req, p).delete(on: req.db)
        return req.redirect(to: Site.programmeShow.path(p.slug), flash: "Action supprimée.")
    }

    // MARK: CSV import

    static func importForm(_ req: Request) async throws -> Response {
        let (p, _) = try await context(req)
        return try await importPage(req, p: p, preview: .empty)
    }

    static func importPage(_ req: Request, p: Programme, preview: HTML, status: HTTPStatus = .ok) async throws -> Response {
        try await Layout.page(req, title: "Importer des actions", status: status, body: ActionView.importPage(p, preview: preview, csrf: CSRF.hiddenField(req)))
    }

    static func importSubmit(_ req: Request) async throws -> Response {
        let (p, consortium) = try await context(req)
        let text: String
        if let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 {
            guard let decoded = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes) else {
                return try await importPage(req, p: p, preview: ActionView.problem("Le fichier n'est pas du texte UTF-8."), status: .badRequest)
            }
            text = decoded
        } else if let kept = req.content[String.self, at: "csv"], !kept.isEmpty {
            text = kept
        } else {
            return try await importPage(req, p: p, preview: ActionView.problem("Choisissez un fichier CSV."), status: .badRequest)
        }
        let parsed = ActionCSV.parse(text, animatorNames: consortium.map(\.name), today: req.now)
        if let problem = parsed.fileError {
            return try await importPage(req, p: p, preview: ActionView.problem("\(problem)"), status: .badRequest)
        }
        if req.content[String.self, at: "step"] == "apply" {
            guard parsed.rejections.isEmpty else {
                return try await importPage(req, p: p, preview: ActionView.problem("Le fichier contient des lignes rejetées : corrigez-les d'abord."), status: .badRequest)
            }
            let programmeID = try p.requireID()
            try await req.db.transaction { db in
                for (_, d) in parsed.lines {
                    let a = ProgrammeAction()
                    a.$programme.id = programmeID
                    apply(d, to: a, consortium: consortium)
                    try await a.create(on: db)
                }
            }
            return req.redirect(to: Site.programmeShow.path(p.slug), flash: "\(French.count(parsed.lines.count, "action importée", "actions importées")).")
        }
        let preview = ActionView.preview(p, parsed: parsed, text: text, csrf: CSRF.hiddenField(req))
        return try await importPage(req, p: p, preview: preview)
    }
}
