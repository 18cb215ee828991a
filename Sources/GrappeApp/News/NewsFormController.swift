import Fluent
import GrappeDomain
import Vapor

/// Writing news: staff publish at once; a member contact proposes a post about one of their
/// companies, which waits for moderation. Staff publish or reject, and the author is told.
enum NewsFormController {
    static func companies(_ req: Request) async throws -> [Company] {
        guard !req.viewer.companyIDs.isEmpty else { return [] }
        let members = try await DirectoryQueries.memberIDs(req.db, organisationID: try await req.organisationID(), now: req.now).intersection(req.viewer.companyIDs)
        return try await Company.query(on: req.db).filter(\.$id ~~ Array(members)).all().sortedInFrench(by: \.name)
    }

    static func authorize(_ req: Request) throws -> User {
        let user = try req.requireUser()
        guard user.role == .staff || !req.viewer.companyIDs.isEmpty else { throw Abort(.forbidden) }
        return user
    }

    static func page(_ req: Request, title: String, action: String, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = NewsFormView.render(title: title, action: action, form: form, companies: try await companies(req),
                                       staff: req.viewer.isStaff, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: title, status: status, body: body)
    }

    static func newForm(_ req: Request) async throws -> Response {
        _ = try authorize(req)
        return try await page(req, title: req.viewer.isStaff ? "Publier une actualité" : "Proposer une actualité", action: Site.newsFormCreate.path(), form: FormState())
    }

    static func read(_ req: Request, companies: [Company]) -> (FormState, UUID?) {
        var form = FormState(values: ["title": FieldCheck.trimmed(req.content[String.self, at: "title"]),
                                      "body": FieldCheck.trimmed(req.content[String.self, at: "body"]),
                                      "companyID": req.content[String.self, at: "companyID"] ?? ""])
        if form["title"].isEmpty { form.errors["title"] = "Le titre est obligatoire." } else if form["title"].count > 150 { form.errors["title"] = "150 caractères au maximum." }
        if form["body"].count < 20 { form.errors["body"] = "Le texte est trop court (20 caractères au moins)." } else if form["body"].count > 20000 { form.errors["body"] = "20 000 caractères au maximum." }
        var companyID: UUID?
        if !req.viewer.isStaff {
            companyID = UUID(uuidString: form["companyID"]).flatMap { id in companies.contains { $0.id == id } ? id : nil }
            if companyID == nil { form.errors["companyID"] = "Choisissez une de vos entreprises." }
        }
        return (form, companyID)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try authorize(req)
        let orgID = try await req.organisationID()
        let (form, companyID) = read(req, companies: try await companies(req))
        let title = req.viewer.isStaff ? "Publier une actualité" : "Proposer une actualité"
        guard form.errors.isEmpty else { return try await page(req, title: title, action: Site.newsFormCreate.path(), form: form, status: .badRequest) }
        let post = NewsPost(organisationID: orgID, authorID: user.id, companyID: companyID)
        post.title = form["title"]
        post.body = form["body"]
        post.slug = try await freeSlug(req.db, organisationID: orgID, title: post.title)
        if user.role == .staff { post.status = .published; post.publishedAt = Date() }
        try await post.create(on: req.db)
        if post.status == .pending, let org = try? await req.organisation(), FieldCheck.isEmail(org.email) {
            try await Mailer.queue(NewsMails.toReview(author: user.displayName, title: post.title, link: req.application.baseURL + Site.newsShow.path(post)),
                                   to: org.email, organisationID: orgID, on: req.db)
        }
        return req.redirect(to: Site.newsShow.path(post.slug), flash: post.status == .published ? "Actualité publiée." : "Merci : l'équipe relit votre actualité avant publication.")
    }

    static func freeSlug(_ db: any Database, organisationID: UUID, title: String) async throws -> String {
        let base = String(TextFolding.slug(title).prefix(80))
        let taken = Set(try await NewsPost.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$slug =~ base).all(\.$slug))
        return TextFolding.freeSlug(base, taken: taken)
    }

    static func editable(_ req: Request) async throws -> NewsPost {
        let user = try authorize(req)
        let orgID = try await req.organisationID()
        guard let slug = req.parameters.get("slug"),
              let post = try await NewsPost.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$slug == slug).first() else { throw Abort(.notFound) }
        guard user.role == .staff || (post.$author.id == user.id && post.status != .published) else { throw Abort(.forbidden) }
        return post
    }

    static func editForm(_ req: Request) async throws -> Response {
        let post = try await editable(req)
        return try await page(req, title: "Modifier l'actualité", action: Site.newsFormUpdate.path(post.slug),
                              form: FormState(values: ["title": post.title, "body": post.body, "companyID": post.$company.id?.uuidString ?? ""]))
    }

    static func update(_ req: Request) async throws -> Response {
        let post = try await editable(req)
        let (form, companyID) = read(req, companies: try await companies(req))
        guard form.errors.isEmpty else { return try await page(req, title: "Modifier l'actualité", action: Site.newsFormUpdate.path(post.slug), form: form, status: .badRequest) }
        post.title = form["title"]
        post.body = form["body"]
        if !req.viewer.isStaff { post.$company.id = companyID; post.status = .pending }
        try await post.save(on: req.db)
        return req.redirect(to: Site.newsShow.path(post.slug), flash: "Actualité enregistrée.")
    }

    static func moderate(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let post = try await editable(req)
        let publish = req.content[String.self, at: "decision"] == "publish"
        post.status = publish ? .published : .rejected
        post.moderationNote = String(FieldCheck.trimmed(req.content[String.self, at: "note"]).prefix(500))
        if publish && post.publishedAt == nil { post.publishedAt = Date() }
        let orgID = try await req.organisationID()
        try await req.db.transaction { db in
            try await post.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "news_post", entityID: post.requireID(), action: "update",
                                   changes: ["statut": ("", post.status.label)], reason: post.moderationNote)
            if let author = try await post.$author.get(on: db), author.id != staff.id {
                let text = NewsMails.moderation(author: author.displayName, title: post.title, published: publish,
                                                link: req.application.baseURL + Site.newsShow.path(post), note: post.moderationNote)
                try await Mailer.queue(text, to: author.email, organisationID: orgID, on: db)
            }
        }
        return req.redirect(to: publish ? Site.newsShow.path(post.slug) : Site.newsManage.path(), flash: publish ? "Actualité publiée." : "Actualité refusée.")
    }
}
