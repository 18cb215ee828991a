import Fluent
import GrappeDomain
import Vapor

/// The member list (staff and board): search, filters, sort, pagination, CSV export.
enum MemberListController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let years = try await MemberQueries.years(req.db, organisationID: orgID)
        let filter = MemberFilter(from: req, defaultYear: years.first ?? FrenchDate.year(of: req.now))
        let domains = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).all().sortedInFrench(by: \.name)
        let names = Dictionary(uniqueKeysWithValues: try domains.map { (try $0.requireID(), $0.name) })
        let (rows, pages) = try await MemberQueries.page(req.db, filter: filter, organisationID: orgID,
                                                         requested: Pagination.requestedPage(req), domainNames: names)
        return try await Layout.page(req, title: "Adhérents", body: MemberListView.render(
            filter: filter, rows: rows, pages: pages, domains: domains, years: years, staff: req.viewer.isStaff))
    }

    static func exportCSV(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let filter = MemberFilter(from: req, defaultYear: try await MemberQueries.defaultYear(req.db, now: req.now))
        let text = try await MemberExport.csv(req.db, filter: filter, organisationID: orgID)
        return CSVDownload.response(text, filename: "adherents-\(filter.year).csv")
    }

}
