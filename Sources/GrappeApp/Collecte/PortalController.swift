import Fluent
import GrappeDomain
import Vapor

/// The refurbishers' and charities' own pages (`PortalView`): only what was assigned or
/// allocated to them.
enum PortalController {
    static func refurbisher(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let companies = Array(req.viewer.companyIDs)
        guard !companies.isEmpty else { throw Abort(.forbidden) }
        let filter = ItemFilter(from: req)
        let (items, pages) = try await ItemFilter.page(req.db, requestedPage: Pagination.requestedPage(req), filter: filter) { $0.filter(\.$refurbisher.$id ~~ companies) }
        let body = PortalView.refurbisher(items, pages: pages, filter: filter)
        return try await Layout.page(req, title: "Reconditionnement", body: body)
    }

    static func charity(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role == .charity, let charityID = req.viewer.charityID, let charity = try await Charity.find(charityID, on: req.db) else { throw Abort(.forbidden) }
        let items = try await CollectItem.query(on: req.db).filter(\.$charity.$id == charityID).filter(\.$state ~~ [.allocated, .handedOver])
            .with(\.$pledge).sort(\.$state).sort(\.$tag).all()
        let body = PortalView.charity(charity, items: items, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Matériel attribué", body: body)
    }
}
