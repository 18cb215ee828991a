import Fluent
import GrappeDomain
import Vapor

/// The board and the bureau: mandates, their end, meetings per month, meetings with institutions
/// (`GovernancePage`, drawn by `GovernanceView`).
enum GovernanceController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let page = try await GovernancePage.load(req.db, organisationID: try await req.organisationID(), year: try await req.year(),
                                                 staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "Gouvernance",
                                     body: GovernanceView.index(page, staff: req.viewer.isStaff, now: req.now, csrf: CSRF.hiddenField(req)))
    }
}
