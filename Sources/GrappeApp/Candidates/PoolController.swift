import Fluent
import GrappeDomain
import Vapor

/// The candidate pool as members see it: reserved to contacts of member companies up to date
/// with their dues (and to staff). Every opening of a CV is logged. `PoolView` draws the pages,
/// `PoolPlayersView` the Hackagou players who share their profile.
enum PoolController {
    /// Who reads: staff, or the company on whose behalf the viewer reads (a member up to date
    /// with its dues, `DuesStanding`), or the page saying why it is refused and linking to the due.
    enum Reader { case staff, company(UUID), refused(Response) }

    static func reader(_ req: Request) async throws -> Reader {
        let user = try req.requireUser()
        if user.role == .staff { return .staff }
        let orgID = try await req.organisationID()
        let grace = try await RenewalSettings.of(orgID, on: req.db).graceDays
        let verdicts = try await DuesStandingQueries.verdicts(req.db, companyIDs: req.viewer.companyIDs, graceDays: grace, now: req.now)
        let sorted = verdicts.sorted { $0.key.uuidString < $1.key.uuidString }
        if let company = sorted.first(where: { $0.value.isUpToDate })?.key { return .company(company) }
        let verdict = sorted.first { if case .overdue = $0.value { true } else { false } }?.value ?? .noMembership
        return .refused(try await Layout.page(req, title: "Vivier de candidatures", status: .forbidden,
                                              body: DuesRefusalView.render(service: "Le vivier de candidatures", verdict: verdict, graceDays: grace)))
    }

    static func index(_ req: Request) async throws -> Response {
        if case .refused(let page) = try await reader(req) { return page }
        let orgID = try await req.organisationID()
        let q = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        var query = Candidate.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$expiresAt > req.now)
        for term in DirectorySearch.terms(q) { query = query.filter(\.$searchText, .contains(inverse: false, .anywhere), term) }
        let total = try await query.count()
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: 25, total: total)
        let list = try await query.sort(\.$createdAt, .descending).range(pages.offset..<(pages.offset + pages.perPage)).all()
        let terms = DirectorySearch.terms(q)
        let players = try await CTFProfileSharing.pool(req.db, organisationID: orgID, now: req.now).filter { p in
            let text = TextFolding.fold([p.pseudonym, p.fullName, p.affiliation, p.categories.joined(separator: " ")].joined(separator: " "))
            return terms.allSatisfy(text.contains)
        }
        let body: HTML = "\(PoolView.list(list, q: q, pages: pages, now: req.now))\(PoolPlayersView.section(players))"
        return try await Layout.page(req, title: "Vivier de candidatures", body: body)
    }

    static func find(_ req: Request) async throws -> Candidate {
        let orgID = try await req.organisationID()
        guard let c = try await Candidate.find(try req.uuidParameter("candidateID"), on: req.db), c.$organisation.id == orgID, c.expiresAt > Date() else { throw Abort(.notFound) }
        return c
    }

    static func show(_ req: Request) async throws -> Response {
        if case .refused(let page) = try await reader(req) { return page }
        let c = try await find(req)
        var reads: [CVRead]?
        if req.viewer.isStaff {
            reads = try await CVRead.query(on: req.db).filter(\.$candidate.$id == c.requireID()).with(\.$user).with(\.$company).sort(\.$readAt, .descending).all()
        }
        let body = PoolView.page(c, reads: reads, now: req.now)
        return try await Layout.page(req, title: c.fullName, body: body)
    }

    /// Sends the PDF and logs the read.
    static func cv(_ req: Request) async throws -> Response {
        var company: UUID?
        switch try await reader(req) {
        case .refused(let page): return page
        case .company(let id): company = id
        case .staff: company = nil
        }
        let c = try await find(req)
        let data = try CVStore(app: req.application).read(c.cvFile)
        try await CVRead(candidateID: c.requireID(), userID: req.viewer.user?.id, companyID: company).create(on: req.db)
        let filename = TextFolding.slug("cv \(c.firstName) \(c.lastName)") + ".pdf"
        return Response(status: .ok, headers: [
            "Content-Type": "application/pdf",
            "Content-Disposition": "attachment; filename=\"\(filename)\"",
            "Cache-Control": "no-store",
        ], body: .init(data: data))
    }
}
