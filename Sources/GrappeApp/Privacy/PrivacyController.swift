import Fluent
import GrappeDomain
import Vapor

/// « Mes données »: a person downloads what Grappe holds about them, sees their consents and
/// asks for erasure; staff handle the requests in a queue.
enum PrivacyController {
    static func mine(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let consents = try await Consent.query(on: req.db).filter(\.$email == user.email).sort(\.$givenAt, .descending).all()
        let pending = try await DataRequest.query(on: req.db).filter(\.$email == user.email).filter(\.$status == .pending).first()
        let rows = consents.map { c in
            HTML("<tr><td>\(c.purposeLabel)</td><td>\(c.wording)</td><td>\(FrenchDate.dateTime(c.givenAt))</td><td>\(c.withdrawnAt.map(FrenchDate.dateTime) ?? "—")</td></tr>")
        }
        let erasure: HTML = pending != nil
            ? "<p class=\"flash flash-info\">Votre demande d'effacement du \(FrenchDate.long(pending!.createdAt ?? Date())) est en cours de traitement.</p>"
            : """
              <form method="post" action="\(Site.privacyRequestErasure.path())" class="stack" data-confirm="Demander l'effacement de vos données ? Votre accès sera fermé.">\(CSRF.hiddenField(req))
              \(Input.textarea("message", "Précisions (facultatif)", FormState(), maxLength: 1000))
              <button class="danger">Demander l'effacement de mes données</button></form>
              """
        let body: HTML = """
        <h1>Mes données personnelles</h1>
        <p>Vous pouvez télécharger tout ce que \(try await req.organisation().name) conserve à votre sujet, et demander son effacement.</p>
        <p><a class="button primary" href="\(Site.privacyDownload.path())">Télécharger mes données (JSON)</a></p>
        <h2>Mes consentements</h2>
        \(consents.isEmpty ? UI.emptyState("Aucun consentement enregistré pour \(user.email).") : HTML("<table class=\"list\"><thead><tr><th>Objet</th><th>Texte accepté</th><th>Donné le</th><th>Retiré le</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <h2>Effacement</h2>
        <p>L'équipe efface vos données personnelles dans un délai d'un mois. Les informations que la loi nous oblige à garder (factures de cotisation) restent attachées à l'entreprise, pas à vous.</p>
        \(erasure)
        """
        return try await Layout.page(req, title: "Mes données", body: body)
    }

    static func download(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let data = try JSONSerialization.data(withJSONObject: try await PrivacyService.export(user: user, on: req.db), options: [.prettyPrinted, .sortedKeys])
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8",
                                               "Content-Disposition": "attachment; filename=\"mes-donnees.json\"", "Cache-Control": "no-store"],
                        body: .init(data: data))
    }

    static func requestErasure(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let orgID = try await req.organisationID()
        if try await DataRequest.query(on: req.db).filter(\.$email == user.email).filter(\.$status == .pending).first() == nil {
            let r = DataRequest()
            r.$organisation.id = orgID
            r.$user.id = user.id
            r.email = user.email
            r.kind = "erasure"
            r.message = String(FieldCheck.trimmed(req.content[String.self, at: "message"]).prefix(1000))
            r.status = .pending
            r.decisionNote = ""
            let org = try await req.organisation()
            try await req.db.transaction { db in
                try await r.create(on: db)
                if FieldCheck.isEmail(org.email) {
                    let text = PrivacyMails.erasureRequested(name: user.displayName, email: user.email, link: req.application.baseURL + Site.privacyQueue.path())
                    try await Mailer.queue(text, to: org.email, organisationID: orgID, on: db)
                }
            }
        }
        return req.redirect(to: Site.privacyMine.path(), flash: "Demande enregistrée : l'équipe vous répondra par e-mail.")
    }

    // MARK: staff queue

    static func queue(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let all = try await DataRequest.query(on: req.db).filter(\.$organisation.$id == orgID).with(\.$user).sort(\.$createdAt, .descending).limit(200).all()
        let rows = all.map { r -> HTML in
            let actions: HTML = r.status == .pending ? """
                \(UI.postButton(req, action: Site.privacyErase.path(r.id!), label: "Effacer les données", style: "danger", confirm: "Effacer définitivement les données de \(r.email) ?"))
                <form method="post" action="\(Site.privacyReject.path(r.id!))" class="inline">\(CSRF.hiddenField(req))
                <label class="visually-hidden" for="n-\(r.id!.uuidString)">Motif</label><input id="n-\(r.id!.uuidString)" name="note" required maxlength="500" placeholder="Motif du refus">
                <button class="secondary">Refuser</button></form>
                """ : HTML("\(r.decisionNote)")
            return "<tr><td>\(FrenchDate.short(r.createdAt ?? Date()))</td><td>\(r.user?.displayName ?? "—")<br><small>\(r.email)</small></td><td class=\"pre\">\(r.message)</td><td>\(r.status.label)</td><td>\(actions)</td></tr>"
        }
        let body: HTML = """
        <h1>Données personnelles : demandes</h1>
        <p>L'effacement anonymise la personne et son compte, efface ses inscriptions, abonnements, consentements et candidatures (fichiers compris).</p>
        \(all.isEmpty ? UI.emptyState("Aucune demande.") : HTML("<table class=\"list\"><thead><tr><th>Reçue</th><th>Personne</th><th>Message</th><th>État</th><th></th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return try await Layout.page(req, title: "Demandes sur les données", body: body)
    }

    static func request(_ req: Request) async throws -> DataRequest {
        try req.require(.staff)
        guard let r = try await DataRequest.find(try req.uuidParameter("requestID"), on: req.db), r.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        guard r.status == .pending else { throw Abort(.conflict, reason: "Cette demande a déjà été traitée.") }
        return r
    }

    static func erase(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let r = try await request(req)
        let org = try await req.organisation()
        let email = r.email
        try await PrivacyService.erase(request: r, by: staff, app: req.application, on: req.db)
        // The last message to the address, queued after its earlier ones were deleted.
        try await Mailer.queue(PrivacyMails.erased(organisation: org.name), to: email, organisationID: org.id, on: req.db)
        return req.redirect(to: Site.privacyQueue.path(), flash: "Données effacées.")
    }

    static func reject(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let r = try await request(req)
        let note = FieldCheck.trimmed(req.content[String.self, at: "note"])
        guard !note.isEmpty else { return req.redirect(to: Site.privacyQueue.path(), flash: "Indiquez le motif du refus.", .error) }
        r.status = .rejected
        r.decisionNote = String(note.prefix(500))
        r.$decidedBy.id = staff.id
        r.decidedAt = Date()
        let orgID = r.$organisation.id
        try await req.db.transaction { db in
            try await r.save(on: db)
            try await Mailer.queue(PrivacyMails.erasureRefused(note: r.decisionNote), to: r.email, organisationID: orgID, on: db)
        }
        return req.redirect(to: Site.privacyQueue.path(), flash: "Demande refusée : la personne a été prévenue.")
    }
}
