import Fluent
import GrappeDomain
import Vapor

/// `/`: the public welcome page, or the right home for a logged-in account.
enum HomeController {
    static func index(_ req: Request) async throws -> Response {
        switch req.viewer.role {
        case .staff?, .board?: return req.redirect(to: Site.homeDashboard.path())
        case .member?: return req.redirect(to: Site.memberMine.path())
        case .charity?: return req.redirect(to: Site.portalCharity.path())
        case .player?: return req.redirect(to: Site.ctfPlay.path())
        case nil: break
        }
        return try await PublicHome.render(req)
    }

    /// The staff and board home (`DashboardPage` read, `DashboardView` drawn).
    static func dashboard(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let page = try await DashboardPage.load(req.db, organisationID: try await req.organisationID(), now: req.now, staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "Tableau de bord", body: DashboardView.render(page))
    }
}
