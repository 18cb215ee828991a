import Fluent
import GrappeDomain
import Vapor

/// The public side of the candidate pool: dropping an application with a PDF CV, and
/// withdrawing it through the emailed link.
enum CandidateController {
    static func form(_ req: Request) async throws -> Response {
        try await page(req, form: FormState())
    }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body: HTML = """
        <section class="narrow"><h1>Déposer une candidature libre</h1>
        <p class="lead">Votre candidature est proposée aux entreprises adhérentes du cluster pendant 24 mois, puis supprimée.
        Vous pouvez la retirer à tout moment grâce au lien reçu par e-mail.</p>
        \(form.summary)
        <form method="post" action="\(Site.candidateSubmit.path())" enctype="multipart/form-data" class="stack">
        \(CSRF.hiddenField(req))
        \(PublicFormGuard.field)
        \(Input.text("firstName", "Prénom", form, required: true, maxLength: 80))
        \(Input.text("lastName", "Nom", form, required: true, maxLength: 80))
        \(Input.text("email", "E-mail", form, type: "email", required: true, maxLength: 254))
        \(Input.text("wishedFields", "Métiers ou domaines recherchés", form, required: true, maxLength: 300, hint: "Par exemple : développement web, cybersécurité, support informatique"))
        \(Input.textarea("message", "Quelques mots sur vous (facultatif)", form, maxLength: 2000))
        \(Input.text("cv", "CV au format PDF (5 Mo au plus)", form, type: "file", required: true, extra: " accept=\"application/pdf\""))
        <div class="field check\(form.errors["consent"] != nil ? " has-error" : "")"><label><input type="checkbox" name="consent" value="1"\(HTML.flag(.checked, form["consent"] == "1"))> \(CandidateService.consentWording)</label>
        \(form.errors["consent"].map { HTML("<p class=\"error\">\($0)</p>") })</div>
        <button class="primary">Déposer ma candidature</button>
        </form></section>
        """
        return try await Layout.page(req, title: "Candidature libre", status: status, body: body)
    }

    /// The multipart form, decoded once (each field lookup would parse the whole upload again).
    struct Upload: Content {
        var firstName: String?, lastName: String?, email: String?, wishedFields: String?, message: String?, consent: String?
        var cv: File?
    }

    static func submit(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let upload = (try? req.content.decode(Upload.self)) ?? Upload()
        var form = FormState(values: ["firstName": FieldCheck.trimmed(upload.firstName), "lastName": FieldCheck.trimmed(upload.lastName),
                                      "email": FieldCheck.trimmed(upload.email).lowercased(), "wishedFields": FieldCheck.trimmed(upload.wishedFields),
                                      "message": FieldCheck.trimmed(upload.message), "consent": FieldCheck.trimmed(upload.consent)])
        switch PublicFormGuard.check(req, form: "candidate") {
        case .honeypot: return req.redirect(to: Site.candidateForm.path(), flash: "Candidature enregistrée.")
        case .limited:
            form.errors["cv"] = PublicFormGuard.limitedMessage
            return try await page(req, form: form, status: .tooManyRequests)
        case .proceed: break
        }
        for (key, label, limit) in [("firstName", "Le prénom", 80), ("lastName", "Le nom", 80), ("wishedFields", "Les métiers recherchés", 300)] {
            if form[key].isEmpty { form.errors[key] = "\(label) : champ obligatoire." } else if form[key].count > limit { form.errors[key] = "\(limit) caractères au maximum." }
        }
        if form["message"].count > 2000 { form.errors["message"] = "2 000 caractères au maximum." }
        if !FieldCheck.isEmail(form["email"]) { form.errors["email"] = "Adresse e-mail invalide." }
        if form["consent"] != "1" { form.errors["consent"] = "Sans votre accord, nous ne pouvons pas partager votre candidature." }
        var bytes: [UInt8] = []
        if let file = upload.cv, file.data.readableBytes > 0 {
            bytes = file.data.getBytes(at: file.data.readerIndex, length: file.data.readableBytes) ?? []
            if let problem = PDFCheck.problem(bytes) { form.errors["cv"] = problem }
        } else {
            form.errors["cv"] = "Joignez votre CV au format PDF."
        }
        guard form.errors.isEmpty else { return try await page(req, form: form, status: .badRequest) }
        let draft = CandidateService.Draft(firstName: form["firstName"], lastName: form["lastName"], email: form["email"],
                                           wishedFields: form["wishedFields"], message: form["message"])
        _ = try await CandidateService.create(draft, cv: bytes, organisationID: orgID, app: req.application, on: req.db)
        let body: HTML = """
        <section class="narrow"><h1>Candidature enregistrée</h1>
        <p>Merci \(draft.firstName). Un e-mail de confirmation vient de vous être envoyé à \(draft.email) ; il contient le lien pour retirer votre candidature.</p>
        <p><a href="\(Site.jobIndex.path())">Voir les offres d'emploi</a></p></section>
        """
        return try await Layout.page(req, title: "Candidature enregistrée", body: body)
    }

    static func withdrawForm(_ req: Request) async throws -> Response {
        guard let token = req.parameters.get("token"), let c = try await CandidateService.byToken(token, on: req.db) else {
            return try await Layout.page(req, title: "Candidature introuvable", status: .notFound,
                                         body: UI.emptyState("Cette candidature n'existe plus : elle a déjà été retirée ou supprimée."))
        }
        let body: HTML = """
        <section class="narrow"><h1>Retirer ma candidature</h1>
        <p>\(c.fullName), votre candidature (\(c.wishedFields)) est visible des adhérents jusqu'au \(FrenchDate.long(c.expiresAt)).</p>
        \(UI.postButton(req, action: Site.candidateWithdraw.path(token), label: "Retirer et supprimer mon CV", style: "danger"))
        </section>
        """
        return try await Layout.page(req, title: "Retirer ma candidature", body: body)
    }

    static func withdraw(_ req: Request) async throws -> Response {
        guard let token = req.parameters.get("token"), let c = try await CandidateService.byToken(token, on: req.db) else { throw Abort(.notFound) }
        try await CandidateService.remove(c, app: req.application, on: req.db)
        return try await Layout.page(req, title: "Candidature retirée",
                                     body: "<section class=\"narrow\"><h1>Candidature retirée</h1><p>Votre candidature et votre CV ont été supprimés.</p></section>")
    }
}
