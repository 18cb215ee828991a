import Fluent
import GrappeDomain
import Vapor

/// `/api/v1`: members and dues, read-only, with the caller's rights (a member contact's token
/// sees their own company only).
enum APIController {
    static func perPage(_ req: Request) -> Int {
        min(200, max(1, req.query[Int.self, at: "per_page"] ?? 50))
    }

    static func members(_ req: Request) async throws -> APIModels.Page<APIModels.MemberItem> {
        let user = try req.requireUser()
        let orgID = try await req.organisationID()
        var filter = MemberFilter(from: req, defaultYear: try await MemberQueries.defaultYear(req.db, now: req.now))
        if let y = req.query[Int.self, at: "year"], (2000...2100).contains(y) { filter.year = y }
        if let q = req.query[String.self, at: "search"] { filter.query = String(q.prefix(100)) }
        if let c = req.query[String.self, at: "category"] { filter.category = MembershipCategory(rawValue: c) }
        if let s = req.query[String.self, at: "status"] { filter.status = MembershipStatus(rawValue: s) }
        if let d = req.query[String.self, at: "dues"] { filter.dues = MemberFilter.DuesState(rawValue: d) }
        var rows: [MemberRow]
        var total: Int
        let pages: Pagination
        if user.role.readsEverything {
            total = try await MemberQueries.count(req.db, filter: filter, organisationID: orgID)
            pages = Pagination(page: req.query[Int.self, at: "page"], perPage: perPage(req), total: total)
            rows = try await MemberQueries.rows(req.db, filter: filter, organisationID: orgID, limit: pages.perPage, offset: pages.offset)
        } else {
            rows = try await MemberQueries.rows(req.db, filter: filter, organisationID: orgID, limit: nil)
                .filter { req.viewer.companyIDs.contains($0.id) }
            total = rows.count
            pages = Pagination(page: 1, perPage: perPage(req), total: total)
        }
        let items = rows.map { r in
            APIModels.MemberItem(id: r.id, name: r.name, ridet: r.ridet, commune: r.commune, headcount: r.headcount, founding: r.founding,
                                 category: r.category?.rawValue, status: r.status?.rawValue, domains: r.domains,
                                 due: r.dueID.map { APIModels.DueRef(id: $0, number: r.dueNumber ?? "", amount: r.dueAmount ?? 0, paid: r.paid, balance: r.balance ?? 0) })
        }
        return .init(items: items, page: pages.page, perPage: pages.perPage, total: total)
    }

    static func member(_ req: Request) async throws -> APIModels.MemberDetail {
        _ = try req.requireUser()
        let company = try await CompanyLookup.find(req)
        let id = try company.requireID()
        try req.requireCompanyRead(id)
        let memberships = try await Membership.query(on: req.db).filter(\.$company.$id == id).sort(\.$year, .descending).all()
        let dues = try await DueQueries.summaries(req.db, companyID: id)
        return .init(id: id, name: company.name, legalName: company.legalName, ridet: company.ridet, address: company.address, commune: company.commune,
                     website: company.website, email: company.email, phone: company.phone, description: company.about, headcount: company.headcount,
                     founding: company.founding, publicProfile: company.publicProfile,
                     domains: try await MemberService.currentDomains(req.db, companyID: id),
                     memberships: memberships.map { .init(year: $0.year, category: $0.category.rawValue, status: $0.status.rawValue,
                                                          startDate: FrenchDate.iso($0.startDate), endDate: $0.endDate.map(FrenchDate.iso)) },
                     dues: dues.map(APIModels.due))
    }

    static func dues(_ req: Request) async throws -> APIModels.Page<APIModels.DueItem> {
        let user = try req.requireUser()
        let orgID = try await req.organisationID()
        let year = req.query[Int.self, at: "year"].flatMap { (2000...2100).contains($0) ? $0 : nil }
        let state = DueQueries.State(rawValue: req.query[String.self, at: "state"] ?? "")
        if user.role.readsEverything {
            let total = try await DueQueries.count(req.db, organisationID: orgID, year: year, state: state)
            let pages = Pagination(page: req.query[Int.self, at: "page"], perPage: perPage(req), total: total)
            let items = try await DueQueries.list(req.db, organisationID: orgID, year: year, state: state, limit: pages.perPage, offset: pages.offset)
            return .init(items: items.map(APIModels.due), page: pages.page, perPage: pages.perPage, total: total)
        }
        var items: [DueSummary] = []
        for companyID in req.viewer.companyIDs {
            items += try await DueQueries.summaries(req.db, companyID: companyID).filter { year == nil || $0.year == year }
        }
        return .init(items: items.map(APIModels.due), page: 1, perPage: items.count, total: items.count)
    }

    static func due(_ req: Request) async throws -> APIModels.DueItem {
        _ = try req.requireUser()
        let id = try req.uuidParameter("dueID")
        guard let summary = try await DueQueries.summary(req.db, dueID: id),
              let due = try await Due.find(id, on: req.db), due.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        try req.requireCompanyRead(summary.companyID)
        return APIModels.due(summary)
    }
}
