import Fluent
import GrappeDomain
import Vapor

/// The public side of the candidate pool: dropping an application with a PDF CV, and
/// withdrawing it through the emailed link (`CandidateView` draws the pages).
enum CandidateController {
    static func form(_ req: Request) async throws -> Response {
        try await page(req, form: FormState())
    }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = CandidateView.form(form, csrf: CSRF.hiddenField(req))
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
        let body = CandidateView.received(firstName: draft.firstName, email: draft.email)
        return try await Layout.page(req, title: "Candidature enregistrée", body: body)
    }

    static func withdrawForm(_ req: Request) async throws -> Response {
        guard let token = req.parameters.get("token"), let c = try await CandidateService.byToken(token, on: req.db) else {
            return try await Layout.page(req, title: "Candidature introuvable", status: .notFound,
                                         body: CandidateView.unknown)
        }
        let body = CandidateView.withdrawForm(c, token: token, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Retirer ma candidature", body: body)
    }

    static func withdraw(_ req: Request) async throws -> Response {
        guard let token = req.parameters.get("token"), let c = try await CandidateService.byToken(token, on: req.db) else { throw Abort(.notFound) }
        try await CandidateService.remove(c, app: req.application, on: req.db)
        return try await Layout.page(req, title: "Candidature retirée",
                                     body: CandidateView.withdrawn)
    }
}
