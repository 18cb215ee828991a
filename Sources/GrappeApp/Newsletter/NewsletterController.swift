import Fluent
import GrappeDomain
import Vapor

/// Staff write an issue, choose its audience, preview it, send a test to themselves, then send
/// it and follow the delivery. The pages are drawn by `NewsletterView`.
enum NewsletterController {
    static func groups(_ req: Request) async throws -> [Group] {
        try await Group.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID()))
            .filter(\.$kind ~~ [.commission, .club]).all().sortedInFrench(by: \.name)
    }

    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let issues = try await Newsletter.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$createdAt, .descending).limit(100).all()
        let subscribers = try await Subscriber.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$publicList == true).filter(\.$status == .confirmed).count()
        let body = NewsletterView.list(issues, subscribers: subscribers)
        return try await Layout.page(req, title: "Lettres d'information", body: body)
    }

    static func formPage(_ req: Request, action: String, form: FormState, selectedGroups: [UUID], status: HTTPStatus = .ok) async throws -> Response {
        let body = NewsletterView.form(action: action, form: form, groups: try await groups(req), selectedGroups: selectedGroups, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Rédiger une lettre", status: status, body: body)
    }

    static func newForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await formPage(req, action: Site.newsletterCreate.path(), form: FormState(values: ["members": "1"]), selectedGroups: [])
    }

    static func find(_ req: Request) async throws -> Newsletter {
        try req.require(.staff)
        guard let n = try await Newsletter.find(try req.uuidParameter("newsletterID"), on: req.db),
              n.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        return n
    }

    /// Reads and checks the form onto `n`; nil when valid, else the form with its errors.
    static func read(_ req: Request, into n: Newsletter) async throws -> (FormState, [UUID])? {
        let known = Set(try await groups(req).compactMap(\.id))
        let chosen = (req.content[[String].self, at: "groups"] ?? []).compactMap(UUID.init(uuidString:)).filter(known.contains)
        var form = FormState(values: ["subject": FieldCheck.trimmed(req.content[String.self, at: "subject"]),
                                      "body": FieldCheck.trimmed(req.content[String.self, at: "body"]),
                                      "members": req.content[String.self, at: "members"] == "1" ? "1" : "",
                                      "subscribers": req.content[String.self, at: "subscribers"] == "1" ? "1" : ""])
        if form["subject"].isEmpty { form.errors["subject"] = "L'objet est obligatoire." } else if form["subject"].count > 150 { form.errors["subject"] = "150 caractères au maximum." }
        if form["body"].count < 20 { form.errors["body"] = "Le texte est trop court (20 caractères au moins)." } else if form["body"].count > 50000 { form.errors["body"] = "50 000 caractères au maximum." }
        if form["members"].isEmpty && form["subscribers"].isEmpty && chosen.isEmpty { form.errors["audience"] = "Choisissez au moins un public." }
        guard form.errors.isEmpty else { return (form, chosen) }
        n.subject = form["subject"]
        n.body = form["body"]
        n.audienceMembers = form["members"] == "1"
        n.audienceSubscribers = form["subscribers"] == "1"
        n.audienceGroups = chosen.map(\.uuidString).joined(separator: ",")
        return nil
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let n = Newsletter(organisationID: try await req.organisationID(), createdBy: user.id)
        if let (form, groups) = try await read(req, into: n) {
            return try await formPage(req, action: Site.newsletterCreate.path(), form: form, selectedGroups: groups, status: .badRequest)
        }
        try await n.create(on: req.db)
        return req.redirect(to: Site.newsletterShow.path(n.id!), flash: "Brouillon enregistré : vérifiez l'aperçu avant l'envoi.")
    }

    static func editForm(_ req: Request) async throws -> Response {
        let n = try await find(req)
        guard n.status == .draft else { return req.redirect(to: Site.newsletterShow.path(n.id!), flash: "Une lettre envoyée ne se modifie plus.", .error) }
        return try await formPage(req, action: Site.newsletterUpdate.path(n.id!),
                                  form: FormState(values: ["subject": n.subject, "body": n.body, "members": n.audienceMembers ? "1" : "", "subscribers": n.audienceSubscribers ? "1" : ""]),
                                  selectedGroups: n.groupIDs)
    }

    static func update(_ req: Request) async throws -> Response {
        let n = try await find(req)
        guard n.status == .draft else { return req.redirect(to: Site.newsletterShow.path(n.id!), flash: "Une lettre envoyée ne se modifie plus.", .error) }
        if let (form, groups) = try await read(req, into: n) {
            return try await formPage(req, action: Site.newsletterUpdate.path(n.id!), form: form, selectedGroups: groups, status: .badRequest)
        }
        try await n.save(on: req.db)
        return req.redirect(to: Site.newsletterShow.path(n.id!), flash: "Brouillon enregistré.")
    }

    /// Preview (HTML and the plain text actually sent), audience size, test, send, progress.
    static func show(_ req: Request) async throws -> Response {
        let n = try await find(req)
        let page = try await NewsletterPage.load(req.db, newsletter: n, groups: try await groups(req), now: req.now)
        return try await Layout.page(req, title: n.subject, head: NewsletterView.head(page), body: NewsletterView.page(page, csrf: CSRF.hiddenField(req)))
    }

    static func test(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let n = try await find(req)
        try await NewsletterService.sendTest(n, to: user, app: req.application, on: req.db)
        return req.redirect(to: Site.newsletterShow.path(n.id!), flash: "Test envoyé à \(user.email).")
    }

    static func send(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let n = try await find(req)
        do {
            let count = try await NewsletterService.send(n, by: user, app: req.application, on: req.db)
            return req.redirect(to: Site.newsletterShow.path(n.id!), flash: "Lettre confiée à la boîte d'envoi pour \(French.count(count, "destinataire", "destinataires")).")
        } catch let failure as NewsletterService.Failure {
            return req.redirect(to: Site.newsletterShow.path(n.id!), flash: failure.description, .error)
        }
    }
}
