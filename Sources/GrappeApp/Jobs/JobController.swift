import Fluent
import GrappeDomain
import Vapor

/// Job and internship offers: the public list and page (`JobView`), posting and editing by
/// member contacts, moderation by staff.
enum JobController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let filter = JobQueries.Filter(from: req)
        let offers = try await JobQueries.search(req.db, organisationID: orgID, filter: filter, now: req.now)
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: 20, total: offers.count)
        var mine: [JobOffer] = []
        if !req.viewer.companyIDs.isEmpty {
            mine = try await JobOffer.query(on: req.db).filter(\.$company.$id ~~ Array(req.viewer.companyIDs)).sort(\.$createdAt, .descending).all()
        }
        let body = JobView.list(Array(offers.dropFirst(pages.offset).prefix(pages.perPage)), total: offers.count, mine: mine, pages: pages,
                                filter: filter, canPost: req.viewer.isStaff || !req.viewer.companyIDs.isEmpty, now: req.now)
        return try await Layout.page(req, title: "Emplois", body: body)
    }

    static func find(_ req: Request) async throws -> JobOffer {
        let orgID = try await req.organisationID()
        guard let offer = try await JobOffer.query(on: req.db).filter(\.$id == (try req.uuidParameter("offerID")))
            .filter(\.$organisation.$id == orgID).with(\.$company).first() else { throw Abort(.notFound) }
        if !offer.isLive(at: req.now) && !canManage(req, offer) { throw Abort(.notFound) }
        return offer
    }

    static func canManage(_ req: Request, _ offer: JobOffer) -> Bool {
        req.viewer.isStaff || req.viewer.companyIDs.contains(offer.$company.id)
    }

    static func show(_ req: Request) async throws -> Response {
        let o = try await find(req)
        let body = JobView.page(o, manage: canManage(req, o), staff: req.viewer.isStaff, now: req.now, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: o.title, body: body)
    }

    /// The companies the viewer may post for: their own; staff, every active member.
    static func postableCompanies(_ req: Request) async throws -> [Company] {
        let orgID = try await req.organisationID()
        if req.viewer.isStaff {
            let ids = try await DirectoryQueries.memberIDs(req.db, organisationID: orgID, now: req.now)
            return try await Company.query(on: req.db).filter(\.$id ~~ Array(ids)).all().sortedInFrench(by: \.name)
        }
        // A contact posts for their companies that are members (this year or last).
        let members = try await DirectoryQueries.memberIDs(req.db, organisationID: orgID, now: req.now).intersection(req.viewer.companyIDs)
        guard !members.isEmpty else { throw Abort(.forbidden, reason: "Les offres sont réservées aux entreprises adhérentes.") }
        return try await Company.query(on: req.db).filter(\.$id ~~ Array(members)).all().sortedInFrench(by: \.name)
    }

    static func formPage(_ req: Request, title: String, action: String, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let companies = try await postableCompanies(req)
        let body: HTML = """
        \(UI.breadcrumbs([("Emplois", Site.jobIndex.path()), (title, nil)]))
        <h1>\(title)</h1>
        \(JobForm.render(req, action: action, form: form, companies: companies))
        """
        return try await Layout.page(req, title: title, status: status, body: body)
    }

    static func newForm(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let companies = try await postableCompanies(req)
        let expiry = FrenchDate.calendar.date(byAdding: .day, value: 60, to: req.now) ?? req.now
        return try await formPage(req, title: "Publier une offre", action: Site.jobCreate.path(),
                                  form: FormState(values: ["companyID": companies.count == 1 ? companies[0].id!.uuidString : "", "expiresOn": FrenchDate.iso(expiry)]))
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let orgID = try await req.organisationID()
        let companies = try await postableCompanies(req)
        var form = FormState(values: JobForm.values(from: req))
        let companyID = UUID(uuidString: form["companyID"]).flatMap { id in companies.contains { $0.id == id } ? id : nil }
        if companyID == nil { form.errors["companyID"] = "Choisissez une de vos entreprises." }
        let offer = JobOffer(organisationID: orgID, companyID: companyID ?? UUID(), postedBy: user.id)
        guard JobForm.apply(&form, to: offer, now: req.now), form.errors.isEmpty else {
            return try await formPage(req, title: "Publier une offre", action: Site.jobCreate.path(), form: form, status: .badRequest)
        }
        try await offer.create(on: req.db)
        return req.redirect(to: Site.jobShow.path(offer.id!), flash: "Offre publiée.")
    }

    static func managed(_ req: Request) async throws -> JobOffer {
        _ = try req.requireUser()
        let offer = try await find(req)
        guard canManage(req, offer) else { throw Abort(.forbidden) }
        return offer
    }

    static func editForm(_ req: Request) async throws -> Response {
        let offer = try await managed(req)
        return try await formPage(req, title: "Modifier l'offre", action: Site.jobUpdate.path(offer.id!), form: FormState(values: JobForm.values(of: offer)))
    }

    static func update(_ req: Request) async throws -> Response {
        let offer = try await managed(req)
        var form = FormState(values: JobForm.values(from: req))
        form.values["companyID"] = offer.$company.id.uuidString
        guard JobForm.apply(&form, to: offer, now: req.now) else {
            return try await formPage(req, title: "Modifier l'offre", action: Site.jobUpdate.path(offer.id!), form: form, status: .badRequest)
        }
        try await offer.save(on: req.db)
        return req.redirect(to: Site.jobShow.path(offer.id!), flash: "Offre enregistrée.")
    }

    /// The company ends its offer now (position filled).
    static func withdraw(_ req: Request) async throws -> Response {
        let offer = try await managed(req)
        offer.expiresAt = req.now
        try await offer.save(on: req.db)
        return req.redirect(to: Site.jobIndex.path(), flash: "Offre retirée du site.")
    }

    /// Staff hide an offer (with a reason sent to whoever posted it) or publish it again.
    static func moderate(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let offer = try await find(req)
        let orgID = try await req.organisationID()
        offer.status = offer.status == .published ? .hidden : .published
        offer.moderationNote = String(FieldCheck.trimmed(req.content[String.self, at: "note"]).prefix(500))
        try await req.db.transaction { db in
            try await offer.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "job_offer", entityID: offer.requireID(), action: "update",
                                   changes: ["statut": ("", offer.status.label)], reason: offer.moderationNote)
            if offer.status == .hidden, let poster = try await offer.$postedBy.get(on: db) {
                try await Mailer.queue(JobMails.hidden(poster: poster.displayName, title: offer.title, note: offer.moderationNote),
                                       to: poster.email, organisationID: orgID, on: db)
            }
        }
        return req.redirect(to: Site.jobShow.path(offer.id!), flash: offer.status == .hidden ? "Offre masquée." : "Offre republiée.")
    }
}
