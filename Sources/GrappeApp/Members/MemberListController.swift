import Fluent
import GrappeDomain
import Vapor

/// The member list (staff and board): search, filters, sort, pagination, CSV export.
enum MemberListController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let filter = MemberFilter(from: req, defaultYear: try await MemberQueries.defaultYear(req.db))
        let total = try await MemberQueries.count(req.db, filter: filter, organisationID: orgID)
        let pages = Pagination(page: Pagination.requestedPage(req), total: total)
        let rows = try await MemberQueries.rows(req.db, filter: filter, organisationID: orgID, limit: pages.perPage, offset: pages.offset)
        let domains = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$name).all()
        let years = try await MemberQueries.years(req.db, organisationID: orgID)
        return try await Layout.page(req, title: "Adhérents", body: MemberListView.render(
            req, filter: filter, rows: rows, pages: pages, domains: domains, years: years))
    }

    static func exportCSV(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let filter = MemberFilter(from: req, defaultYear: try await MemberQueries.defaultYear(req.db))
        let text = try await MemberExport.csv(req.db, filter: filter, organisationID: orgID)
        return csvResponse(text, filename: "adherents-\(filter.year).csv")
    }

    static func csvResponse(_ text: String, filename: String) -> Response {
        Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"\(filename)\"",
        ], body: .init(string: text))
    }
}
