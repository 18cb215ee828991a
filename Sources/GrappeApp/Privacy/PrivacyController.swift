import Fluent
import GrappeDomain
import Vapor

/// « Mes données »: a person downloads what Grappe holds about them, sees their consents and
/// asks for erasure; staff handle the requests in a queue (`PrivacyView` draws both).
enum PrivacyController {
    static func mine(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let page = try await PrivacyPage.load(req.db, email: user.email, organisationName: try await req.organisation().name)
        let body = PrivacyView.mine(page, now: req.now, csrf: CSRF.hiddenField(req))
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
        let body = PrivacyView.queue(all, now: req.now, csrf: CSRF.hiddenField(req))
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
