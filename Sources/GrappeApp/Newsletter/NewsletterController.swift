import Fluent
import GrappeDomain
import Vapor

/// Staff write an issue, choose its audience, preview it, send a test to themselves, then send
/// it and follow the delivery.
enum NewsletterController {
    static func groups(_ req: Request) async throws -> [Group] {
        try await Group.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID()))
            .filter(\.$kind ~~ [.commission, .club]).sort(\.$name).all()
    }

    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let issues = try await Newsletter.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$createdAt, .descending).limit(100).all()
        let subscribers = try await Subscriber.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$publicList == true).filter(\.$status == .confirmed).count()
        let rows = issues.map { n in
            HTML("<tr><td><a href=\"\(Site.newsletterShow.path(n.id!))\">\(n.subject.isEmpty ? "(sans objet)" : n.subject)</a></td><td>\(n.status.label)</td><td>\(n.sentAt.map(FrenchDate.short) ?? "—")</td><td class=\"num\">\(n.status == .sent ? String(n.recipientCount) : "—")</td></tr>")
        }
        let body: HTML = """
        <div class="page-head"><h1>Lettres d'information</h1><div class="actions"><a class="button primary" href="\(Site.newsletterNewForm.path())">Nouvelle lettre</a></div></div>
        <p>\(subscribers) abonné(s) public(s) confirmé(s). Formulaire public : <a href="\(Site.subscriptionForm.path())">/lettre</a>.</p>
        \(issues.isEmpty ? UI.emptyState("Aucune lettre pour le moment.") : HTML("<table class=\"list\"><thead><tr><th>Objet</th><th>État</th><th>Envoyée le</th><th>Destinataires</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return try await Layout.page(req, title: "Lettres d'information", body: body)
    }

    static func formPage(_ req: Request, action: String, form: FormState, selectedGroups: [UUID], status: HTTPStatus = .ok) async throws -> Response {
        let groupBoxes = try await groups(req).map { g -> HTML in
            "<label class=\"chip\"><input type=\"checkbox\" name=\"groups[]\" value=\"\(g.id!.uuidString)\"\(HTML.flag(.checked, selectedGroups.contains(g.id!)))> \(g.name)</label>"
        }
        let body: HTML = """
        \(UI.breadcrumbs([("Lettres", Site.newsletterIndex.path()), ("Rédaction", nil)]))
        <h1>Rédiger une lettre</h1>
        \(form.summary)
        <form method="post" action="\(action)" class="stack">\(CSRF.hiddenField(req))
        \(Input.text("subject", "Objet", form, required: true, maxLength: 150))
        \(Input.textarea("body", "Texte (Markdown : titres #, **gras**, listes, [liens](https://…))", form, maxLength: 50000))
        <fieldset class="\(form.errors["audience"] != nil ? "has-error" : "")"><legend>Destinataires</legend>
        \(Input.checkbox("members", "Tous les contacts des adhérents", checked: form["members"] == "1"))
        \(Input.checkbox("subscribers", "Les abonnés publics (inscription confirmée)", checked: form["subscribers"] == "1"))
        <p>Membres actifs de commissions ou de clubs :</p><div class="chips">\(groupBoxes)</div>
        \(form.errors["audience"].map { HTML("<p class=\"error\">\($0)</p>") })
        </fieldset>
        <button class="primary">Enregistrer et prévisualiser</button></form>
        """
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
        let path = Site.newsletterShow.path(n.id!)
        let audience = NewsletterAudience.describe(n, groups: try await groups(req))
        var actions: HTML
        var head: HTML = .empty
        if n.status == .draft {
            let count = try await NewsletterAudience.recipients(req.db, newsletter: n, now: req.now).count
            actions = """
            <div class="actions"><a class="button" href="\(path)/modifier">Modifier</a>
            \(UI.postButton(req, action: Site.newsletterTest.path(n.id!), label: "M'envoyer un test"))
            \(UI.postButton(req, action: Site.newsletterSend.path(n.id!), label: "Envoyer à \(count) destinataire(s)", style: "primary", confirm: "Envoyer la lettre à \(count) destinataire(s) ?"))</div>
            """
        } else {
            let p = try await NewsletterService.progress(n, on: req.db)
            let total = max(1, p.sent + p.pending + p.failed)
            actions = """
            <section class="panel" aria-live="polite"><h2>Distribution</h2>
            <progress max="\(total)" value="\(p.sent + p.failed)">\(100 * (p.sent + p.failed) / total) %</progress>
            <p>\(p.sent) envoyé(s), \(p.pending) en attente, \(p.failed) en échec sur \(n.recipientCount) destinataire(s).
            \(p.failed > 0 ? HTML("<a href=\"\(Site.outboxIndex.path())\">Voir les échecs</a>") : .empty)</p></section>
            """
            if p.pending > 0 { head = "<meta http-equiv=\"refresh\" content=\"10\">" }
        }
        let body: HTML = """
        \(UI.breadcrumbs([("Lettres", Site.newsletterIndex.path()), (n.subject, nil)]))
        <h1>\(n.subject) \(UI.badge(n.status.label, n.status == .draft ? "warn" : "ok"))</h1>
        <p>Destinataires : \(audience).</p>
        \(actions)
        <div class="columns"><section><h2>Aperçu</h2><div class="prose letter">\(HTML.markdown(n.body))</div></section>
        <section><h2>Texte envoyé</h2><pre class="mail">\(Markdown.plainText(n.body))</pre></section></div>
        """
        return try await Layout.page(req, title: n.subject, head: head, body: body)
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
            return req.redirect(to: Site.newsletterShow.path(n.id!), flash: "Lettre confiée à la boîte d'envoi pour \(count) destinataire(s).")
        } catch let failure as NewsletterService.Failure {
            return req.redirect(to: Site.newsletterShow.path(n.id!), flash: failure.description, .error)
        }
    }
}
