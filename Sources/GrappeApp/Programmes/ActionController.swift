import Fluent
import GrappeDomain
import Vapor

/// A programme's actions: one by one, or many from a CSV file with a preview first.
enum ActionController {
    static let fields = ["date", "theme", "commune", "animator", "animators", "participants", "audiences", "duration", "notes"]

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
        let body: HTML = """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, Site.programmeShow.path(p.slug)), ("Action", nil)]))
        <h1>Action de « \(p.name) »</h1>\(form.summary)
        <form method="post" action="\(action)" class="grid-form">\(CSRF.hiddenField(req))
        \(Input.text("date", "Date", form, type: "date", required: true))
        \(Input.text("theme", "Thème", form, required: true, maxLength: 200))
        \(Input.select("commune", "Commune", form, options: Communes.all.sorted().map { ($0, $0) }, required: true, blank: "Choisir…"))
        \(Input.select("animator", "Entreprise animatrice", form, options: consortium.map { ($0.name, $0.name) }, blank: "Le cluster"))
        \(Input.text("animators", "Animateurs (personnes)", form, maxLength: 300))
        \(Input.text("participants", "Participants", form, type: "number", required: true, extra: " min=\"0\""))
        \(Input.text("audiences", "Publics", form, maxLength: 300, hint: "Par public : tpe_pme=12;handicap=4;demandeurs_emploi=2;rural=5"))
        \(Input.text("duration", "Durée (minutes)", form, type: "number", extra: " min=\"0\""))
        \(Input.textarea("notes", "Notes", form, maxLength: 2000))
        <button class="primary">Enregistrer</button></form>
        \(deletion.map { UI.postButton(req, action: $0, label: "Supprimer l'action", style: "danger", confirm: "Supprimer cette action ?") })
        """
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
        return try await page(req, p: p, action: Site.actionUpdate.path(p.slug, a.id!), form: FormState(values: values), consortium: consortium, deletion: Site.actionDelete.path(p.slug, a.id!))
    }

    static func save(_ req: Request) async throws -> Response {
        let (p, consortium) = try await context(req)
        let existing = req.parameters.get("actionID") == nil ? nil : try await find(req, p)
        var form = FormState(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, req.content[String.self, at: $0] ?? "") }))
        let d = draft(form)
        form.errors = d.validate(animatorNames: consortium.map(\.name), today: req.now)
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
        let body: HTML = """
        \(UI.breadcrumbs([("Programmes", Site.programmeIndex.path()), (p.name, Site.programmeShow.path(p.slug)), ("Import", nil)]))
        <h1>Importer des actions</h1>
        <p>Un fichier CSV (séparateur « ; » ou « , », UTF-8) avec les colonnes <code>\(ActionCSV.header.joined(separator: ";"))</code>.
        L'animateur est le nom d'une entreprise du consortium (vide : le cluster) ; les publics s'écrivent « tpe_pme=12;handicap=4 » (entre guillemets).</p>
        \(preview)
        <form method="post" action="\(Site.actionImportSubmit.path(p.slug))" enctype="multipart/form-data" class="stack">\(CSRF.hiddenField(req))
        \(Input.text("file", "Fichier", FormState(), type: "file", required: true, extra: " accept=\".csv,text/csv\""))
        <button name="step" value="preview" class="primary">Prévisualiser</button></form>
        """
        return try await Layout.page(req, title: "Importer des actions", status: status, body: body)
    }

    static func importSubmit(_ req: Request) async throws -> Response {
        let (p, consortium) = try await context(req)
        let text: String
        if let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 {
            guard let decoded = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes) else {
                return try await importPage(req, p: p, preview: "<p class=\"flash flash-error\">Le fichier n'est pas du texte UTF-8.</p>", status: .badRequest)
            }
            text = decoded
        } else if let kept = req.content[String.self, at: "csv"], !kept.isEmpty {
            text = kept
        } else {
            return try await importPage(req, p: p, preview: "<p class=\"flash flash-error\">Choisissez un fichier CSV.</p>", status: .badRequest)
        }
        let parsed = ActionCSV.parse(text, animatorNames: consortium.map(\.name), today: req.now)
        if let problem = parsed.fileError {
            return try await importPage(req, p: p, preview: "<p class=\"flash flash-error\">\(problem)</p>", status: .badRequest)
        }
        if req.content[String.self, at: "step"] == "apply" {
            guard parsed.rejections.isEmpty else {
                return try await importPage(req, p: p, preview: "<p class=\"flash flash-error\">Le fichier contient des lignes rejetées : corrigez-les d'abord.</p>", status: .badRequest)
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
            return req.redirect(to: Site.programmeShow.path(p.slug), flash: "\(parsed.lines.count) action(s) importée(s).")
        }
        let rejected = parsed.rejections.map { r in HTML("<li>Ligne \(r.line) : \(r.reasons.joined(separator: " ; "))</li>") }
        let accepted = parsed.lines.prefix(50).map { line in
            HTML("<tr><td>\(line.0)</td><td>\(line.1.date)</td><td>\(line.1.theme)</td><td>\(line.1.commune)</td><td>\(line.1.animator.nonEmpty ?? "—")</td><td class=\"num\">\(line.1.participants)</td></tr>")
        }
        let preview: HTML = """
        <section class="panel"><h2>Aperçu</h2>
        <p><strong>\(parsed.lines.count)</strong> action(s) prête(s), <strong>\(parsed.rejections.count)</strong> ligne(s) rejetée(s).</p>
        \(rejected.isEmpty ? .empty : HTML("<ul class=\"error\">\(rejected)</ul>"))
        \(accepted.isEmpty ? .empty : HTML("<table class=\"list compact\"><thead><tr><th>Ligne</th><th>Date</th><th>Thème</th><th>Commune</th><th>Animateur</th><th class=\"num\">Participants</th></tr></thead><tbody>\(accepted)</tbody></table>"))
        \(parsed.rejections.isEmpty && !parsed.lines.isEmpty ? HTML("""
            <form method="post" action="\(Site.actionImportSubmit.path(p.slug))">\(CSRF.hiddenField(req))<input type="hidden" name="csv" value="\(text)">
            <button name="step" value="apply" class="primary">Importer \(parsed.lines.count) action(s)</button></form>
            """) : .empty)
        </section>
        """
        return try await importPage(req, p: p, preview: preview)
    }
}
